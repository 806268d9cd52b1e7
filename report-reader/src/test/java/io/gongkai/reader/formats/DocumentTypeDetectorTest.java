package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text, HTML fragments and converter Markdown told apart from their bytes: content as CMS APIs and crawlers
 * store it (no html/body) is HTML; text that mentions "&lt;" or a tag is text; text with a pipe table is
 * Markdown.
 */
class DocumentTypeDetectorTest {

    private final DocumentTypeDetector detector = new DocumentTypeDetector();

    /** The type detected in UTF-8 and in GB18030 (a BOM only in UTF-8). */
    private void assertDetected(DocumentType type, String s) {
        assertEquals(type, detector.detect(s.getBytes(StandardCharsets.UTF_8)), s);
        assertEquals(type, detector.detect(s.replace("\uFEFF", "").getBytes(Charset.forName("GB18030"))), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p style=\"text-indent:2em\">某某区人民政府2023年政府信息公开工作年度报告</p><p>一、总体情况</p>",
        "  \n<div class=\"TRS_Editor\"><p>一、总体情况</p></div>",
        "<table border=\"1\"><tr><td>规章</td><td>0</td></tr></table>",
        "<P ALIGN=center><FONT size=4>二、主动公开政府信息情况</FONT></P>",
        "<span>2023年</span>年度报告",
        "<h2>一、总体情况</h2>",
        "<!-- 来源：某某网 --><p>一、总体情况</p>",
        "\uFEFF<section><p>一、总体情况</p></section>",
        // a crawler's title line before the fragment
        "某某区2023年政府信息公开工作年度报告\n<p>一、总体情况</p>\n<p>本年度……</p>\n<table><tr><td>规章</td></tr></table>",
        "标题\n<html><body><p>一、总体情况</p></body></html>",
        // a web page saved as one MIME file (Word's single file web page, Chromium's MHTML), whatever its name
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n------=_NextPart_01\r\n"
                + "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n<html></html>\r\n------=_NextPart_01--",
        "From: <Saved by Blink>\r\nSubject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
                + "\tboundary=\"----MultipartBoundary--x\"\r\n\r\n------MultipartBoundary--x\r\nContent-Type: text/html\r\n\r\n<html></html>"})
    void htmlFragmentsAreHtml(String s) {
        assertDetected(DocumentType.HTML, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "一、总体情况\n本年度申请数<10件，较上年减少。",
        "<10件的申请当日答复\n二、主动公开政府信息情况",
        "a<b 且 b>c：本年度新收申请 5 件",
        "<<中华人民共和国政府信息公开条例>>第二十条",
        "<pre-2019 格式> 一、概述",
        "网页中的<table>标签不计入统计。\n一、总体情况",
        "# 2023年政府信息公开工作年度报告\n一、总体情况\n行政许可 <p> 0",
        "| 不是表格的竖线 |\n一、总体情况",
        "Note: 本报告说明\n\n一、总体情况\nMIME-Version 不是邮件头",
        "Subject: 2023年报告\nFrom: 办公室\n\n一、总体情况",
        "一、总体情况\n-- 注 --\n本年度 --- 无"})
    void textMentioningTagsIsText(String s) {
        assertDetected(DocumentType.TEXT, s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "# 2023年报告\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n",
        "二、主动公开政府信息情况\n|  | 数据1 | 数据2 |\n| :--- | ---: | :---: |\n| 行政许可 | 5 |  |\n",
        "四、结转\n  | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 |  |\n  |----|----|----|----|----|----|----|----|\n",
        "正文<br>换行\n| 商业<br>企业 | 科研机构 |\n|--|--|\n| 1 | 2 |",
        "# 报告\n\n二、主动公开政府信息情况\n\n<table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n<tr><td>规章</td><td>0</td></tr></table>\n\n三、收到",
        // pandoc: a grid table, a dash table's column line, plain text's placeholder for a table it left out
        "二、主动公开\n\n+------+-----+\n| 规章 | 0   |\n+------+-----+\n",
        "二、主动公开\n\n  ---------- ------ ------\n  规章       0      0\n  ---------- ------ ------\n",
        "三、收到和处理政府信息公开申请情况\n\n[TABLE]\n\n四、行政复议"})
    void converterMarkdownIsMarkdown(String s) {
        assertDetected(DocumentType.MARKDOWN, s);
    }

    @org.junit.jupiter.api.Test
    void wordsSingleFileXmlIsWordAndPdftohtmlsXmlIsAPage() {
        assertEquals(DocumentType.DOCX, detector.detect(("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Word.Document\"?>"
                + "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\"><w:body/></w:wordDocument>")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(DocumentType.HTML, detector.detect(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE pdf2xml SYSTEM \"pdf2xml.dtd\">\n"
                + "<pdf2xml producer=\"poppler\"><page number=\"1\"><text top=\"1\" left=\"2\">规章</text></page></pdf2xml>")
                .getBytes(StandardCharsets.UTF_8)));
    }
}
