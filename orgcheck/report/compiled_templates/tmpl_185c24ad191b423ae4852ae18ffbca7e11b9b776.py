from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/shape.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_r = resolve('r')
    l_0_words = resolve('words')
    l_0_m = resolve('m')
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
    yield '<section id="shape" class="section">\n  <h2>Spans and layers</h2>\n  <div class="two">\n    <figure class="fig">\n      <figcaption><strong>'
    yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'spans'), 'title'))
    yield '</strong><span>'
    yield escape(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'SPAN_NOTE'))
    yield '</span></figcaption>\n      '
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'chart'), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'spans')))
    yield '\n    </figure>\n    <figure class="fig">\n      <figcaption><strong>'
    yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers'), 'title'))
    yield '</strong><span>'
    yield escape(environment.getattr((undefined(name='words') if l_0_words is missing else l_0_words), 'LAYERS_NOTE'))
    yield '</span></figcaption>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers'), 'bars'):
        pass
        yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'chart'), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers')))
    else:
        pass
        yield '<p class="none">No reporting lines to count.</p>'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers_more'):
        pass
        yield '<p class="more">'
        yield escape(t_2(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers_more')))
        yield ' people sit deeper than layer '
        yield escape(t_1(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'layers'), 'bars')))
        yield '.</p>'
    yield '    </figure>\n  </div>\n</section>'

blocks = {}
debug_info = '5=27&6=31&9=33&10=37&11=43'