from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/titles.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_title_rows = l_0_title_head = l_0_first = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.filters['thousands']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'thousands' found.")
    pass
    def macro(l_1_rows, l_1_marks, l_1_offset):
        t_3 = []
        if l_1_rows is missing:
            l_1_rows = undefined("parameter 'rows' was not provided", name='rows')
        if l_1_marks is missing:
            l_1_marks = undefined("parameter 'marks' was not provided", name='marks')
        if l_1_offset is missing:
            l_1_offset = undefined("parameter 'offset' was not provided", name='offset')
        pass
        l_2_loop = missing
        for l_2_row, l_2_loop in LoopContext(l_1_rows, undefined):
            l_2_mark = missing
            _loop_vars = {}
            pass
            l_2_mark = environment.getitem(l_1_marks, (l_1_offset + environment.getattr(l_2_loop, 'index0')))
            _loop_vars['mark'] = l_2_mark
            t_3.append(
                '<tr',
            )
            if (undefined(name='mark') if l_2_mark is missing else l_2_mark):
                pass
                t_3.extend((
                    ' class="mark-',
                    escape((undefined(name='mark') if l_2_mark is missing else l_2_mark)),
                    '"',
                ))
            t_3.extend((
                '><td>',
                escape((environment.getitem(l_2_row, 0) or '(blank)')),
            ))
            if ((undefined(name='mark') if l_2_mark is missing else l_2_mark) == 'unmapped'):
                pass
                t_3.append(
                    ' <span class="pill">unmapped</span>',
                )
            elif ((undefined(name='mark') if l_2_mark is missing else l_2_mark) == 'low'):
                pass
                t_3.append(
                    ' <span class="pill">low confidence</span>',
                )
            t_3.extend((
                '</td><td class="num">',
                escape(environment.getitem(l_2_row, 1)),
                '</td><td class="nowrap">',
                escape(environment.getitem(l_2_row, 2)),
                '</td><td>',
                escape(environment.getitem(l_2_row, 3)),
                '</td><td class="num">',
                escape(environment.getitem(l_2_row, 4)),
                '</td><td class="reason">',
                escape(environment.getitem(l_2_row, 5)),
                '</td></tr>\n',
            ))
        l_2_loop = l_2_row = l_2_mark = missing
        return concat(t_3)
    context.exported_vars.add('title_rows')
    context.vars['title_rows'] = l_0_title_rows = Macro(environment, macro, 'title_rows', ('rows', 'marks', 'offset'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_columns):
        t_4 = []
        if l_1_columns is missing:
            l_1_columns = undefined("parameter 'columns' was not provided", name='columns')
        pass
        t_4.append(
            '<colgroup><col class="c-title"><col class="c-num"><col class="c-rung"><col class="c-func"><col class="c-num"><col></colgroup>\n<thead><tr>',
        )
        for l_2_c in l_1_columns:
            _loop_vars = {}
            pass
            t_4.append(
                '<th',
            )
            if (l_2_c in ('People', 'Confidence')):
                pass
                t_4.append(
                    ' class="num"',
                )
            t_4.extend((
                '>',
                escape(l_2_c),
                '</th>',
            ))
        l_2_c = missing
        t_4.append(
            '</tr></thead>\n',
        )
        return concat(t_4)
    context.exported_vars.add('title_head')
    context.vars['title_head'] = l_0_title_head = Macro(environment, macro, 'title_head', ('columns',), False, False, False, context.eval_ctx.autoescape)
    yield '<section id="titles" class="section">\n  <h2>How titles were read</h2>\n  <p class="lede">Each distinct title, the rung it was placed on and why. Titles orgcheck could not read come first, then low-confidence ones: check these, and correct any with <code>--title-map</code>.</p>\n'
    l_0_first = 40
    context.vars['first'] = l_0_first
    context.exported_vars.add('first')
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'rows'):
        pass
        yield '  <table class="data titles">\n    '
        yield escape(context.call((undefined(name='title_head') if l_0_title_head is missing else l_0_title_head), environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'columns')))
        yield '\n    <tbody>'
        yield escape(context.call((undefined(name='title_rows') if l_0_title_rows is missing else l_0_title_rows), environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'rows')[:(undefined(name='first') if l_0_first is missing else l_0_first)], environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'marks'), 0))
        yield '</tbody>\n  </table>\n'
        if (t_1(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'rows')) > (undefined(name='first') if l_0_first is missing else l_0_first)):
            pass
            yield '  <details class="rest">\n    <summary>Show '
            yield escape((t_1(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'rows')) - (undefined(name='first') if l_0_first is missing else l_0_first)))
            yield ' more titles</summary>\n    <table class="data titles">\n      '
            yield escape(context.call((undefined(name='title_head') if l_0_title_head is missing else l_0_title_head), environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'columns')))
            yield '\n      <tbody>'
            yield escape(context.call((undefined(name='title_rows') if l_0_title_rows is missing else l_0_title_rows), environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'rows')[(undefined(name='first') if l_0_first is missing else l_0_first):], environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'marks'), (undefined(name='first') if l_0_first is missing else l_0_first)))
            yield '</tbody>\n    </table>\n  </details>\n'
        if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'more'):
            pass
            yield '<p class="more">'
            yield escape(t_2(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'titles'), 'more')))
            yield ' more titles are in the JSON output.</p>'
    else:
        pass
        yield '  <p class="none">No titles were classified.</p>\n'
    yield '</section>'

blocks = {}
debug_info = '1=25&2=35&3=39&4=44&7=82&9=90&14=114&15=117&17=120&18=122&20=124&22=127&24=129&25=131&29=133'