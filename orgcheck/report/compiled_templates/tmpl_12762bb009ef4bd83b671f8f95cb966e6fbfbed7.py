from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report/tree.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_m = resolve('m')
    l_0_r = resolve('r')
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
    yield '<section id="tree" class="section">\n  <h2>Org tree</h2>\n  <p class="lede screen-only">Expand a person to see their reports. Search by name or title: choosing a match opens the reporting chain above that person. Markers show the findings that name someone.</p>\n  <div class="tree-tools screen-only">\n    <label class="search"><span class="visually-hidden">Search people</span><input id="tree-search" type="search" placeholder="Search name or title…" autocomplete="off" spellcheck="false"></label>\n    <button type="button" id="tree-expand">Expand top levels</button>\n    <button type="button" id="tree-collapse">Collapse all</button>\n    <span class="tree-legend">'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'sev_icon'), 'error'))
    yield ' error '
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'sev_icon'), 'warning'))
    yield ' warning '
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'sev_icon'), 'info'))
    yield ' note</span>\n  </div>\n  <div id="tree-results" class="results screen-only" aria-live="polite"></div>\n  <ul id="tree-root" class="tree screen-only" role="tree" aria-label="Org tree"></ul>\n  <div class="print-tree">\n    <p class="print-note">The top '
    yield escape(t_2(t_1(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'tree_lines'))))
    yield ' people, 3 levels deep'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'tree_more'):
        pass
        yield '; '
        yield escape(t_2(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'tree_more')))
        yield ' more people are in the interactive tree and the JSON output'
    yield '.</p>\n    <ul class="outline">\n'
    for l_1_line in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'tree_lines'):
        _loop_vars = {}
        pass
        yield '      <li class="d'
        yield escape(environment.getattr(l_1_line, 'depth'))
        yield '">'
        if environment.getattr(l_1_line, 'badge'):
            pass
            yield '<span class="badge">'
            yield escape(environment.getattr(l_1_line, 'badge'))
            yield '</span> '
        yield '<strong>'
        yield escape((environment.getattr(l_1_line, 'name') or '(no name)'))
        yield '</strong> <span class="ptitle">'
        yield escape(environment.getattr(l_1_line, 'title'))
        yield '</span>'
        if environment.getattr(l_1_line, 'reports'):
            pass
            yield ' <span class="meta">'
            yield escape(t_2(environment.getattr(l_1_line, 'reports')))
            yield ' direct · '
            yield escape(t_2(environment.getattr(l_1_line, 'org_size')))
            yield ' in org</span>'
        if environment.getattr(l_1_line, 'severity'):
            pass
            yield ' '
            yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'sev_icon'), environment.getattr(l_1_line, 'severity'), _loop_vars=_loop_vars))
        yield '</li>\n'
    l_1_line = missing
    yield '    </ul>\n  </div>\n</section>'

blocks = {}
debug_info = '8=26&13=32&15=40&16=44'