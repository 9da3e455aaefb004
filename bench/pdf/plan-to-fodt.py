#!/usr/bin/python3
# plan-to-fodt.py — the seed plan (tests/pdf/seed-plan.txt) as a flat
# OpenDocument text, laid out as our PDF is (A4, margins 20/20/30/15 mm,
# Liberation Serif 14 pt justified, 1.27 cm indent, 6 pt between
# paragraphs, the ND30 header and closing tables), for LibreOffice to
# convert side by side with our writer.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
from xml.sax.saxutils import escape

fields = {}
titles = []
blocks = []
recipients = []

with open(sys.argv[1], encoding='utf-8') as plan:
    for line in plan:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        if line.startswith('@'):
            key, _, value = line[1:].partition(' ')
            if key == 'title':
                titles.append(value)
            else:
                fields[key] = value
            continue
        kind, _, text = line.partition(': ')
        if kind == 'r':
            recipients.append(text)
        else:
            blocks.append((kind, text))

signer = fields['signer'].split('|')
date = fields['date'].split('-')


def p(style, text):
    return '<text:p text:style-name="%s">%s</text:p>\n' % (style, escape(text))


body = []
body.append('''<table:table table:name="Header" table:style-name="Wide">
<table:table-column table:style-name="Left"/><table:table-column table:style-name="Right"/>
<table:table-row><table:table-cell>''')
body.append(p('HeadUpright', fields['parent']))
body.append(p('HeadBold', fields['agency']))
body.append(p('Centre13', 'Số: %s/KH-%s' % (fields['number'], fields['abbr'])))
body.append('</table:table-cell><table:table-cell>')
body.append(p('Nation', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))
body.append(p('HeadBold', 'Độc lập - Tự do - Hạnh phúc'))
body.append(p('DateItalic', '%s, ngày %s tháng %s năm %s' % (fields['place'], date[2], date[1], date[0])))
body.append('</table:table-cell></table:table-row></table:table>\n')
body.append(p('Title', fields['type'].split('|')[0]))
for title in titles:
    body.append(p('Title', title))

styles = {'basis': 'Basis', 'h1': 'Bold', 'h2': 'Bold', 'h3': 'Italic', 'p': 'Body', '-': 'Body'}
for kind, text in blocks:
    body.append(p(styles[kind], ('- ' + text) if kind == '-' else text))

body.append('''<table:table table:name="Closing" table:style-name="Wide">
<table:table-column table:style-name="Left"/><table:table-column table:style-name="Right"/>
<table:table-row><table:table-cell>''')
body.append(p('Receivers', 'Nơi nhận:'))
for r in recipients:
    body.append(p('Receiver', '- ' + r))
body.append('</table:table-cell><table:table-cell>')
if signer[0]:
    body.append(p('Title', signer[0]))
body.append(p('Title', signer[1]))
for _ in range(4):
    body.append(p('Title', ''))
body.append(p('Title', signer[2]))
body.append('</table:table-cell></table:table-row></table:table>\n')

para = 'style:font-name="Liberation Serif" fo:font-size="%spt"'
print('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:line-height="115%%"/>
  <style:text-properties %(p14)s/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify" fo:text-indent="12.7mm" fo:margin-top="6pt"/>
 </style:style>
 <style:style style:name="Basis" style:family="paragraph" style:parent-style-name="Body">
  <style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Italic" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="HeadUpright" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:line-height="100%%"/>
  <style:text-properties %(p13)s/>
 </style:style>
 <style:style style:name="HeadBold" style:family="paragraph" style:parent-style-name="HeadUpright">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Nation" style:family="paragraph" style:parent-style-name="HeadBold">
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="Centre13" style:family="paragraph" style:parent-style-name="HeadUpright">
  <style:paragraph-properties fo:margin-top="8pt"/>
 </style:style>
 <style:style style:name="DateItalic" style:family="paragraph" style:parent-style-name="Centre13">
  <style:text-properties fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Receivers" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="100%%"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Receiver" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="100%%"/>
  <style:text-properties fo:font-size="11pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
   fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="30mm" fo:margin-right="15mm"/>
 </style:page-layout>
 <style:style style:name="Wide" style:family="table"><style:table-properties style:width="165mm"/></style:style>
 <style:style style:name="Left" style:family="table-column"><style:table-column-properties style:column-width="70mm"/></style:style>
 <style:style style:name="Right" style:family="table-column"><style:table-column-properties style:column-width="95mm"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4"/>
</office:master-styles>
<office:body><office:text>
%(body)s</office:text></office:body></office:document>''' % {
    'p14': para % 14, 'p13': para % 13, 'body': ''.join(body)})
