from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/method.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_words = resolve('words')
    l_0_r = resolve('r')
    pass
    yield '<section id="method" class="section">\n  <h2>Methodology</h2>\n  <h3>The ladder</h3>\n  <table class="data compact">\n    <thead><tr><th>Rung</th><th>Level</th><th>What the rung is for</th></tr></thead>\n    <tbody>\n'
    for (l_1_rung, (l_1_badge, l_1_text)) in context.call(environment.getattr(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'RUNGS'), 'items')):
        l_1_level_names = resolve('level_names')
        _loop_vars = {}
        pass
        yield '      <tr><td class="nowrap"><span class="badge">'
        yield escape(l_1_badge)
        yield '</span> '
        yield escape(l_1_rung)
        yield '</td><td>'
        yield escape(environment.getitem((undefined(name='level_names') if l_1_level_names is missing else l_1_level_names), l_1_rung))
        yield '</td><td>'
        yield escape(l_1_text)
        yield '</td></tr>\n'
    l_1_rung = l_1_badge = l_1_text = l_1_level_names = missing
    yield '    </tbody>\n  </table>\n  <p>'
    yield escape(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'BEYOND_LADDER'))
    yield '</p>\n  <p>'
    yield escape(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'CONTEXT'))
    yield '</p>\n  <h3>The rules</h3>\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'rules'):
        pass
        yield '  <table class="data compact rules">\n    <thead><tr><th>Code</th><th>Rule</th><th>Default</th><th>Why it matters</th></tr></thead>\n    <tbody>\n'
        for l_1_d in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'rules'):
            _loop_vars = {}
            pass
            yield '      <tr><td class="code nowrap">'
            yield escape(environment.getattr(l_1_d, 'code'))
            yield '</td><td class="nowrap">'
            yield escape(environment.getattr(l_1_d, 'name'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_d, 'severity'))
            yield '</td><td>'
            yield escape(((environment.getattr(l_1_d, 'why') or environment.getattr(l_1_d, 'summary')) or '—'))
            yield '</td></tr>\n'
        l_1_d = missing
        yield '    </tbody>\n  </table>\n'
    else:
        pass
        yield '<p class="none">No rule catalogue available.</p>'
    yield '</section>'

blocks = {}
debug_info = '7=14&8=19&12=29&13=31&15=33&19=36&20=40'