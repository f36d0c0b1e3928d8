from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_csp = resolve('csp')
    l_0_version = resolve('version')
    l_0_r = resolve('r')
    l_0_css = resolve('css')
    l_0_data = resolve('data')
    l_0_js = resolve('js')
    l_0_m = missing
    pass
    l_0_m = context.vars['m'] = environment.get_template('report/macros.html.j2', 'report.html.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape((undefined(name='csp') if l_0_csp is missing else l_0_csp))
    yield '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n<meta name="generator" content="orgcheck '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '">\n<title>'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))
    yield ': '
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'source_name'))
    yield '</title>\n<style>'
    yield escape((undefined(name='css') if l_0_css is missing else l_0_css))
    yield '</style>\n</head>\n<body>\n'
    yield escape(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'patterns')))
    yield '\n<header class="masthead">\n  <div class="wrap">\n    <p class="eyebrow">orgcheck report'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'anonymized'):
        pass
        yield ' · names replaced by pseudonyms'
    yield '</p>\n    <h1>'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'title'))
    yield ': <span class="file">'
    yield escape(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'source_name'))
    yield '</span></h1>\n    <nav class="toc" aria-label="Sections">\n      <a href="#summary">Summary</a><a href="#ladder">Ladder</a><a href="#findings">Findings</a><a href="#tree">Org tree</a><a href="#shape">Spans &amp; layers</a><a href="#titles">Titles</a><a href="#quality">Data quality</a><a href="#method">Methodology</a>\n    </nav>\n  </div>\n</header>\n<main class="wrap">\n'
    template = environment.get_template('report/summary.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/ladder.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/findings.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/tree.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/shape.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/titles.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/quality.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('report/method.html.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '</main>\n<footer class="wrap foot">\n  <p>Made by orgcheck '
    yield escape((undefined(name='version') if l_0_version is missing else l_0_version))
    yield '. This file is self-contained: it loads nothing from the network and runs no code from the spreadsheet. Lists are capped for readability; the JSON output (<code>--format json</code>) holds every person and finding.</p>\n</footer>\n<script type="application/json" id="org-data">'
    yield escape((undefined(name='data') if l_0_data is missing else l_0_data))
    yield '</script>\n<script>'
    yield escape((undefined(name='js') if l_0_js is missing else l_0_js))
    yield '</script>\n</body>\n</html>'

blocks = {}
debug_info = '2=18&7=21&10=23&11=25&12=29&15=31&18=33&19=37&26=41&27=47&28=53&29=59&30=65&31=71&32=77&33=83&36=90&38=92&39=94'