package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextDecoderTest {

    private final TextDecoder decoder = new TextDecoder();

    static java.util.stream.Stream<String> samples() throws IOException {
        return ReportTextParserTest.samples();
    }

    /** The seed as stored (UTF-8); every encoding below must give back exactly this text. */
    private static String text(String name) throws IOException {
        return ReportTextParserTest.text(name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void gb18030(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(text.getBytes(Charset.forName("GB18030")));
        assertEquals("GB18030", d.encoding());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf16LittleEndianWithBom(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("UTF-16LE", d.encoding());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf16BigEndianWithoutBom(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(text.getBytes(StandardCharsets.UTF_16BE));
        assertEquals("UTF-16BE", d.encoding());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf16LittleEndianWithoutBom(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(text.getBytes(StandardCharsets.UTF_16LE));
        assertEquals("UTF-16LE", d.encoding());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf8WithBom(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("UTF-8", d.encoding());
        assertEquals(text, d.text());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void utf8WithoutBom(String name) throws IOException {
        String text = text(name);
        DecodedText d = decoder.decode(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", d.encoding());
        assertEquals(text, d.text());
    }

    @org.junit.jupiter.api.Test
    void shortGbkTextIsGb18030() {
        String text = "获嘉县人民政府办公室2023年政府信息公开工作年度报告\n";
        DecodedText d = decoder.decode(text.getBytes(Charset.forName("GBK")));
        assertEquals("GB18030", d.encoding());
        assertEquals(text, d.text());
    }

    @org.junit.jupiter.api.Test
    void emptyBytesDecodeToEmptyText() {
        assertEquals("", decoder.decode(new byte[0]).text());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
