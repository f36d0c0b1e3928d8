from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/ladder.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_words = resolve('words')
    l_0_m = resolve('m')
    l_0_r = resolve('r')
    try:
        t_1 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_2 = environment.filters['thousands']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'thousands' found.")
    pass
    yield '<section id="ladder" class="section">\n  <h2>The product ladder</h2>\n  <p class="lede">'
    yield escape(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'HEALTHY_SHAPE'))
    yield '</p>\n  <div class="ladder-grid">\n  <figure class="fig">\n    '
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'chart'), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'pyramid')))
    yield '\n  </figure>\n  <table class="data ladder">\n    <thead><tr><th class="nowrap">Rung</th><th class="num">People</th><th class="num">Healthy</th><th>Status</th></tr></thead>\n    <tbody>\n'
    for l_1_row in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'ladder'):
        _loop_vars = {}
        pass
        yield '      <tr class="st-'
        yield escape(t_1(context.eval_ctx, environment.getattr(l_1_row, 'status'), ' ', '-'))
        yield '"><td class="nowrap" title="'
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '"><span class="badge">'
        yield escape(environment.getattr(l_1_row, 'badge'))
        yield '</span> '
        yield escape(environment.getattr(l_1_row, 'rung'))
        yield '</td><td class="num">'
        yield escape(t_2(environment.getattr(l_1_row, 'count')))
        yield '</td><td class="num">'
        yield escape((environment.getattr(l_1_row, 'healthy') or '—'))
        yield '</td><td>'
        yield escape((environment.getattr(l_1_row, 'status') or '—'))
        yield '</td></tr>\n'
    l_1_row = missing
    yield '    </tbody>\n  </table>\n  </div>\n</section>'

blocks = {}
debug_info = '3=27&6=29&11=31&12=35'