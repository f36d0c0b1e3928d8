from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/macros.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_patterns = l_0_sev_icon = l_0_person = l_0_people = l_0_chart = missing
    try:
        t_1 = environment.filters['thousands']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'thousands' found.")
    pass
    yield '\n'
    def macro():
        t_2 = []
        pass
        t_2.append(
            '<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">\n  <defs>\n    <pattern id="pat-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\n      <rect width="6" height="6" class="pat-bg"/><line x1="0" y1="0" x2="0" y2="6" class="pat-line"/>\n    </pattern>\n    <pattern id="pat-dots" width="5" height="5" patternUnits="userSpaceOnUse">\n      <rect width="5" height="5" class="pat-bg"/><circle cx="2.5" cy="2.5" r="1.2" class="pat-dot"/>\n    </pattern>\n  </defs>\n</svg>\n',
        )
        return concat(t_2)
    context.exported_vars.add('patterns')
    context.vars['patterns'] = l_0_patterns = Macro(environment, macro, 'patterns', (), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_sev):
        t_3 = []
        if l_1_sev is missing:
            l_1_sev = undefined("parameter 'sev' was not provided", name='sev')
        pass
        t_3.extend((
            '<span class="sev-icon sev-',
            escape(l_1_sev),
            '" aria-hidden="true">',
            escape(environment.getitem({'error': '■', 'warning': '▲', 'info': '●'}, l_1_sev)),
            '</span>',
        ))
        return concat(t_3)
    context.exported_vars.add('sev_icon')
    context.vars['sev_icon'] = l_0_sev_icon = Macro(environment, macro, 'sev_icon', ('sev',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_p):
        t_4 = []
        if l_1_p is missing:
            l_1_p = undefined("parameter 'p' was not provided", name='p')
        pass
        t_4.extend((
            '<a class="person" href="#p-',
            escape(environment.getattr(l_1_p, 'pos')),
            '" data-pos="',
            escape(environment.getattr(l_1_p, 'pos')),
            '"><span class="pname">',
            escape((environment.getattr(l_1_p, 'name') or '(no name)')),
            '</span>',
        ))
        if environment.getattr(l_1_p, 'title'):
            pass
            t_4.extend((
                '<span class="ptitle">',
                escape(environment.getattr(l_1_p, 'title')),
                '</span>',
            ))
        if environment.getattr(l_1_p, 'badge'):
            pass
            t_4.extend((
                '<span class="badge">',
                escape(environment.getattr(l_1_p, 'badge')),
                '</span>',
            ))
        t_4.append(
            '</a>',
        )
        return concat(t_4)
    context.exported_vars.add('person')
    context.vars['person'] = l_0_person = Macro(environment, macro, 'person', ('p',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_f):
        t_5 = []
        if l_1_f is missing:
            l_1_f = undefined("parameter 'f' was not provided", name='f')
        pass
        if environment.getattr(l_1_f, 'people'):
            pass
            t_5.append(
                '<ul class="people">\n',
            )
            for l_2_p in environment.getattr(l_1_f, 'people'):
                _loop_vars = {}
                pass
                t_5.extend((
                    '<li>',
                    escape(context.call((undefined(name='person') if l_0_person is missing else l_0_person), l_2_p, _loop_vars=_loop_vars)),
                    '</li>',
                ))
            l_2_p = missing
            if environment.getattr(l_1_f, 'more_people'):
                pass
                t_5.extend((
                    '<li class="more">and ',
                    escape(t_1(environment.getattr(l_1_f, 'more_people'))),
                    ' more</li>',
                ))
            t_5.append(
                '</ul>\n',
            )
        return concat(t_5)
    context.exported_vars.add('people')
    context.vars['people'] = l_0_people = Macro(environment, macro, 'people', ('f',), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_c):
        t_6 = []
        if l_1_c is missing:
            l_1_c = undefined("parameter 'c' was not provided", name='c')
        pass
        t_6.append(
            '<svg class="chart',
        )
        if environment.getattr(l_1_c, 'centered'):
            pass
            t_6.append(
                ' centered',
            )
        t_6.extend((
            '" viewBox="0 0 ',
            escape(environment.getattr(l_1_c, 'width')),
            ' ',
            escape(environment.getattr(l_1_c, 'height')),
            '" role="img" aria-label="',
            escape(environment.getattr(l_1_c, 'title')),
            '">\n  <line class="axis" x1="',
            escape(environment.getattr(l_1_c, 'axis_x')),
            '" y1="0" x2="',
            escape(environment.getattr(l_1_c, 'axis_x')),
            '" y2="',
            escape(environment.getattr(l_1_c, 'height')),
            '"/>\n',
        ))
        for l_2_b in environment.getattr(l_1_c, 'bars'):
            _loop_vars = {}
            pass
            t_6.extend((
                '  <g class="row">\n    <text class="lbl" x="',
                escape((environment.getattr(l_1_c, 'label_w') - 10)),
                '" y="',
                escape((environment.getattr(l_2_b, 'y') + (environment.getattr(l_1_c, 'bar_h') * 0.72))),
                '" text-anchor="end">',
                escape(environment.getattr(l_2_b, 'label')),
                '</text>\n',
            ))
            if environment.getattr(l_2_b, 'rw'):
                pass
                t_6.extend((
                    '<rect class="range" x="',
                    escape(environment.getattr(l_2_b, 'rx')),
                    '" y="',
                    escape((environment.getattr(l_2_b, 'y') - 2)),
                    '" width="',
                    escape(environment.getattr(l_2_b, 'rw')),
                    '" height="',
                    escape((environment.getattr(l_1_c, 'bar_h') + 4)),
                    '"/>',
                ))
                if (environment.getattr(l_2_b, 'rlo_x2') > environment.getattr(l_2_b, 'rlo_x')):
                    pass
                    t_6.extend((
                        '<rect class="range-core" x="',
                        escape(environment.getattr(l_2_b, 'rlo_x')),
                        '" y="',
                        escape((environment.getattr(l_2_b, 'y') - 2)),
                        '" width="',
                        escape((environment.getattr(l_2_b, 'rlo_x2') - environment.getattr(l_2_b, 'rlo_x'))),
                        '" height="',
                        escape((environment.getattr(l_1_c, 'bar_h') + 4)),
                        '"/>',
                    ))
            if environment.getattr(l_2_b, 'w'):
                pass
                t_6.extend((
                    '<rect class="bar ',
                    escape(environment.getattr(l_2_b, 'style')),
                    '" x="',
                    escape(environment.getattr(l_2_b, 'x')),
                    '" y="',
                    escape(environment.getattr(l_2_b, 'y')),
                    '" width="',
                    escape(environment.getattr(l_2_b, 'w')),
                    '" height="',
                    escape(environment.getattr(l_1_c, 'bar_h')),
                    '"/>',
                ))
            t_6.extend((
                '    <text class="val" x="',
                escape((environment.getattr(l_1_c, 'value_x') if environment.getattr(l_1_c, 'centered') else ((environment.getattr(l_2_b, 'x') + environment.getattr(l_2_b, 'w')) + 6))),
                '" y="',
                escape((environment.getattr(l_2_b, 'y') + (environment.getattr(l_1_c, 'bar_h') * 0.72))),
                '">',
                escape(environment.getattr(l_2_b, 'text')),
            ))
            if environment.getattr(l_2_b, 'note'):
                pass
                t_6.extend((
                    ' · ',
                    escape(environment.getattr(l_2_b, 'note')),
                ))
            t_6.append(
                '</text>\n  </g>\n',
            )
        l_2_b = missing
        t_6.append(
            '</svg>\n',
        )
        if environment.getattr(l_1_c, 'legend'):
            pass
            t_6.append(
                '<ul class="legend">\n',
            )
            for (l_2_style, l_2_text) in environment.getattr(l_1_c, 'legend'):
                _loop_vars = {}
                pass
                t_6.extend((
                    '<li><svg width="22" height="12" aria-hidden="true"><rect class="',
                    escape(('range' if (l_2_style == 'range') else markup_join(('bar ', l_2_style, )))),
                    '" x="0.5" y="0.5" width="21" height="11"/></svg>',
                    escape(l_2_text),
                    '</li>',
                ))
            l_2_style = l_2_text = missing
            t_6.append(
                '</ul>\n',
            )
        return concat(t_6)
    context.exported_vars.add('chart')
    context.vars['chart'] = l_0_chart = Macro(environment, macro, 'chart', ('c',), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=19&16=29&17=36&20=45&21=52&24=80&25=85&27=90&28=99&33=113&34=121&35=134&36=141&38=146&39=153&40=179&41=196&45=215&47=220'