from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/summary.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    try:
        t_1 = environment.filters['thousands']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'thousands' found.")
    pass
    yield '<section id="summary" class="section">\n  <h2>Summary</h2>\n  <div class="figures">\n'
    for (l_1_label, l_1_value) in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'headline'):
        _loop_vars = {}
        pass
        yield '    <div class="figure"><div class="fig-value">'
        yield escape(l_1_value)
        yield '</div><div class="fig-label">'
        yield escape(l_1_label)
        yield '</div></div>\n'
    l_1_label = l_1_value = missing
    for l_1_sev in ['error', 'warning', 'info']:
        l_1_m = resolve('m')
        _loop_vars = {}
        pass
        yield '    <a class="figure sev-card sev-'
        yield escape(l_1_sev)
        if (not environment.getitem(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'counts'), l_1_sev)):
            pass
            yield ' zero'
        yield '" href="#sev-'
        yield escape(l_1_sev)
        yield '"><div class="fig-value">'
        yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'sev_icon'), l_1_sev, _loop_vars=_loop_vars))
        yield ' '
        yield escape(t_1(environment.getitem(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'counts'), l_1_sev)))
        yield '</div><div class="fig-label">'
        yield escape(environment.getitem({'error': 'Errors', 'warning': 'Warnings', 'info': 'Notes'}, l_1_sev))
        yield '</div></a>\n'
    l_1_sev = l_1_m = missing
    yield '  </div>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'top'):
        pass
        yield '  <h3>Read these first</h3>\n  <ol class="top">\n'
        for l_1_f in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'top'):
            l_1_m = resolve('m')
            _loop_vars = {}
            pass
            yield '    <li class="sev-'
            yield escape(environment.getattr(l_1_f, 'severity'))
            yield '">\n      '
            yield escape(context.call(environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'sev_icon'), environment.getattr(l_1_f, 'severity'), _loop_vars=_loop_vars))
            yield '<span class="sev-word">'
            yield escape(environment.getattr(l_1_f, 'severity'))
            yield '</span>\n      <a class="code" href="#rule-'
            yield escape(environment.getattr(l_1_f, 'code'))
            yield '">'
            yield escape(environment.getattr(l_1_f, 'code'))
            yield ' '
            yield escape(environment.getattr(l_1_f, 'rule'))
            yield '</a>\n      <p class="msg">'
            yield escape(environment.getattr(l_1_f, 'message'))
            yield '</p>\n    </li>\n'
        l_1_f = l_1_m = missing
        yield '  </ol>\n'
    else:
        pass
        yield '  <p class="clean">No findings: the org passes every rule that ran.</p>\n'
    yield '</section>'

blocks = {}
debug_info = '4=19&5=23&7=28&8=33&11=48&14=51&15=56&16=58&17=62&18=68'