from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/quality.html.j2'

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
    yield '<section id="quality" class="section">\n  <h2>Data quality and assumptions</h2>\n  <div class="two">\n    <div>\n      <dl class="facts">\n'
    for (l_1_label, l_1_value) in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'facts'):
        _loop_vars = {}
        pass
        yield '<dt>'
        yield escape(l_1_label)
        yield '</dt><dd>'
        yield escape(l_1_value)
        yield '</dd>'
    l_1_label = l_1_value = missing
    yield '      </dl>\n      <p>'
    yield escape(environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'manager_note'))
    yield '</p>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'skipped'):
        pass
        yield '      <h3>Rows left out</h3>\n      <ul class="plain">'
        for (l_1_reason, l_1_count) in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'skipped'):
            _loop_vars = {}
            pass
            yield '<li><strong>'
            yield escape(t_1(l_1_count))
            yield '</strong> '
            yield escape(l_1_reason)
            yield '</li>'
        l_1_reason = l_1_count = missing
        yield '</ul>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'notes'):
        pass
        yield '      <h3>Notes on the file</h3>\n      <ul class="plain">'
        for l_1_note in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'notes'):
            _loop_vars = {}
            pass
            yield '<li>'
            yield escape(l_1_note)
            yield '</li>'
        l_1_note = missing
        yield '</ul>\n'
    yield '    </div>\n    <div>\n      <h3>Which column became which field</h3>\n'
    if environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'columns'):
        pass
        yield '      <table class="data compact"><thead><tr><th>Field</th><th>Column in the file</th></tr></thead>\n        <tbody>'
        for (l_1_f, l_1_h) in environment.getattr(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'quality'), 'columns'):
            _loop_vars = {}
            pass
            yield '<tr><td>'
            yield escape(l_1_f)
            yield '</td><td>'
            yield escape(l_1_h)
            yield '</td></tr>'
        l_1_f = l_1_h = missing
        yield '</tbody>\n      </table>\n'
    else:
        pass
        yield '<p class="none">No column mapping recorded.</p>'
    yield '    </div>\n  </div>\n</section>'

blocks = {}
debug_info = '6=19&8=29&9=31&11=34&13=44&15=47&20=56&22=59'