from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/findings.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_finding_items = missing
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
    def macro(l_1_items):
        t_3 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        for l_2_f in l_1_items:
            l_2_m = resolve('m')
            _loop_vars = {}
            pass
            t_3.extend((
                '<li>\n  <p class="msg">',
                escape(environment.getattr(l_2_f, 'message')),
                '</p>\n  ',
                escape(context.call(environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'people'), l_2_f, _loop_vars=_loop_vars)),
                '\n',
            ))
            if environment.getattr(l_2_f, 'suggestion'):
                pass
                t_3.extend((
                    '<p class="fix"><strong>What to do:</strong> ',
                    escape(environment.getattr(l_2_f, 'suggestion')),
                    '</p>',
                ))
            t_3.append(
                '</li>\n',
            )
        l_2_f = l_2_m = missing
        return concat(t_3)
    context.exported_vars.add('finding_items')
    context.vars['finding_items'] = l_0_finding_items = Macro(environment, macro, 'finding_items', ('items',), False, False, False, context.eval_ctx.autoescape)
    yield '<section id="findings" class="section">\n  <h2>Findings</h2>\n'
    for l_1_g in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'severities'):
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield '  <div class="sev-group sev-'
        yield escape(environment.getattr(l_1_g, 'severity'))
        yield '" id="sev-'
        yield escape(environment.getattr(l_1_g, 'severity'))
        yield '">\n    <h3>'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'sev_icon'), environment.getattr(l_1_g, 'severity'), _loop_vars=_loop_vars))
        yield ' '
        yield escape(environment.getattr(l_1_g, 'label'))
        yield ' <span class="count">'
        yield escape(t_2(environment.getattr(l_1_g, 'count')))
        yield '</span></h3>\n'
        if (not environment.getattr(l_1_g, 'rules')):
            pass
            yield '<p class="none">None.</p>'
        for l_2_rg in environment.getattr(l_1_g, 'rules'):
            l_2_shown = missing
            _loop_vars = {}
            pass
            yield '    <article class="rule sev-'
            yield escape(environment.getattr(l_2_rg, 'severity'))
            yield '" id="rule-'
            yield escape(environment.getattr(l_2_rg, 'code'))
            yield '">\n      <header class="rule-head">\n        <span class="code">'
            yield escape(environment.getattr(l_2_rg, 'code'))
            yield '</span> <span class="rule-name">'
            yield escape(environment.getattr(l_2_rg, 'rule'))
            yield '</span>\n        <span class="count">'
            yield escape(t_2(environment.getattr(l_2_rg, 'total')))
            yield ' finding'
            yield escape(('' if (environment.getattr(l_2_rg, 'total') == 1) else 's'))
            yield '</span>\n      </header>\n'
            if environment.getattr(l_2_rg, 'summary'):
                pass
                yield '<p class="rule-summary">'
                yield escape(environment.getattr(l_2_rg, 'summary'))
                yield '</p>'
            if (environment.getattr(l_2_rg, 'why') or environment.getattr(l_2_rg, 'fix')):
                pass
                yield '      <dl class="why">\n'
                if environment.getattr(l_2_rg, 'why'):
                    pass
                    yield '<dt>Why it matters</dt><dd>'
                    yield escape(environment.getattr(l_2_rg, 'why'))
                    yield '</dd>'
                if environment.getattr(l_2_rg, 'fix'):
                    pass
                    yield '<dt>What to do</dt><dd>'
                    yield escape(environment.getattr(l_2_rg, 'fix'))
                    yield '</dd>'
                yield '      </dl>\n'
            l_2_shown = 5
            _loop_vars['shown'] = l_2_shown
            yield '      <ul class="findings">'
            yield escape(context.call((undefined(name='finding_items') if l_0_finding_items is missing else l_0_finding_items), environment.getattr(l_2_rg, 'findings')[:(undefined(name='shown') if l_2_shown is missing else l_2_shown)], _loop_vars=_loop_vars))
            yield '</ul>\n'
            if (t_1(environment.getattr(l_2_rg, 'findings')) > (undefined(name='shown') if l_2_shown is missing else l_2_shown)):
                pass
                yield '      <details class="rest">\n        <summary>Show '
                yield escape((t_1(environment.getattr(l_2_rg, 'findings')) - (undefined(name='shown') if l_2_shown is missing else l_2_shown)))
                yield ' more</summary>\n        <ul class="findings">'
                yield escape(context.call((undefined(name='finding_items') if l_0_finding_items is missing else l_0_finding_items), environment.getattr(l_2_rg, 'findings')[(undefined(name='shown') if l_2_shown is missing else l_2_shown):], _loop_vars=_loop_vars))
                yield '</ul>\n      </details>\n'
            if environment.getattr(l_2_rg, 'more'):
                pass
                yield '<p class="more">'
                yield escape(t_2(environment.getattr(l_2_rg, 'more')))
                yield ' more finding'
                yield escape(('' if (environment.getattr(l_2_rg, 'more') == 1) else 's'))
                yield ' of this rule are in the JSON output.</p>'
            yield '    </article>\n'
        l_2_rg = l_2_shown = missing
        yield '  </div>\n'
    l_1_g = l_1_m = missing
    yield '</section>'

blocks = {}
debug_info = '1=25&2=30&4=36&5=38&6=41&12=56&13=61&14=65&15=71&16=74&17=79&19=83&20=87&22=91&23=96&25=99&26=104&29=110&30=113&31=115&33=118&34=120&37=122'