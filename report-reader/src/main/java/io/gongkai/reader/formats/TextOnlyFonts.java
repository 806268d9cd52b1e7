package io.gongkai.reader.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Loads the fonts of a page for reading text only. When PDFBox loads an embedded TrueType font it parses the
 * whole program, and the CJK subsets Word exports keep the full font's glyph count (28,000 to 50,000 entries in
 * loca and hmtx, read byte by byte): 40 % of reading the corpus PDFs. Reading text needs none of that for a
 * Type0 font with Identity-H encoding, a CIDFontType2 descendant with /W widths and a font bounding box, and a
 * ToUnicode map: widths, heights and Unicode all come from the PDF's dictionaries (a code ToUnicode does not map
 * is answered by the font loaded in full, lazily, since PDFBox would look into the program's cmap for it).
 * Such a font is loaded from copies of its dictionaries without the program (PDFBox is handed a fixed stand-in
 * program it reads no glyph of). The one number PDFBox takes from the program, the width of a space when
 * ToUnicode maps none (it decides where words break), is read here from the program's head, hhea, maxp and hmtx
 * tables exactly as PDFBox computes it. Any other font is loaded by PDFBox as usual.
 * {@code TextOnlyFontsTest} shows both ways give the same words at the same positions on every PDF of the corpus
 * and of the seed renderings.
 */
final class TextOnlyFonts {

    /** Marks a font descriptor copied without its program, for {@link StandInMapper}. */
    private static final COSName MARKER = COSName.getPDFName("GongkaiTextOnly");
    /** PDFont.getSpaceWidth's answer when it cannot tell. */
    private static final float UNKNOWN_SPACE_WIDTH = 250f;

    private final Map<COSDictionary, PDFont> loaded = new IdentityHashMap<>();
    private final boolean enabled;

    TextOnlyFonts(boolean enabled) {
        // Without the stand-in (PDFBox's own font resource missing) every font is loaded in full, as before.
        this.enabled = enabled && StandInMapper.install();
    }

    /** The operator "Tf" (set font and size) as PDFBox's SetFontAndSize, with fonts loaded here. */
    OperatorProcessor setFontOperator(PDFStreamEngine engine) {
        return new OperatorProcessor(engine) {
            @Override
            public void process(Operator operator, List<COSBase> arguments) throws IOException {
                if (arguments.size() < 2) {
                    throw new MissingOperandException(operator, arguments);
                }
                if (!(arguments.get(0) instanceof COSName name) || !(arguments.get(1) instanceof COSNumber size)) {
                    return;
                }
                PDFStreamEngine context = getContext();
                context.getGraphicsState().getTextState().setFontSize(size.floatValue());
                context.getGraphicsState().getTextState().setFont(font(context.getResources(), name));
            }

            @Override
            public String getName() {
                return "Tf";
            }
        };
    }

    private PDFont font(PDResources resources, COSName name) throws IOException {
        if (resources == null) {
            return null;
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        COSDictionary dict = fonts == null ? null : fonts.getCOSDictionary(name);
        if (!enabled || dict == null) {
            return resources.getFont(name);
        }
        PDFont font = loaded.get(dict);
        if (font == null) {
            font = withoutProgram(dict);
            if (font == null) {
                font = resources.getFont(name);
            }
            loaded.put(dict, font);
        }
        return font;
    }

    /** How many of the fonts used so far were loaded without their program. */
    int loadedWithoutProgram() {
        int n = 0;
        for (PDFont font : loaded.values()) {
            if (font instanceof TextOnlyType0Font) {
                n++;
            }
        }
        return n;
    }

    /** The font loaded from copies of its dictionaries without the program, or null when it does not qualify. */
    private static PDFont withoutProgram(COSDictionary type0) {
        if (!COSName.TYPE0.equals(type0.getCOSName(COSName.SUBTYPE)) || !COSName.IDENTITY_H.equals(type0.getCOSName(COSName.ENCODING))
                || !(type0.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream)
                || !(type0.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants)
                || descendants.size() != 1 || !(descendants.getObject(0) instanceof COSDictionary cidFont)
                || !COSName.CID_FONT_TYPE2.equals(cidFont.getCOSName(COSName.SUBTYPE))
                || !(cidFont.getDictionaryObject(COSName.W) instanceof COSArray)
                || !(cidFont.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)
                || !(descriptor.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream program)
                || !nonZeroBox(descriptor.getDictionaryObject(COSName.FONT_BBOX))) {
            return null;
        }
        COSDictionary descriptorCopy = new COSDictionary(descriptor);
        descriptorCopy.removeItem(COSName.FONT_FILE2);
        descriptorCopy.setBoolean(MARKER, true);
        COSDictionary cidFontCopy = new COSDictionary(cidFont);
        cidFontCopy.setItem(COSName.FONT_DESC, descriptorCopy);
        COSDictionary type0Copy = new COSDictionary(type0);
        COSArray descendantsCopy = new COSArray();
        descendantsCopy.add(cidFontCopy);
        type0Copy.setItem(COSName.DESCENDANT_FONTS, descendantsCopy);
        try {
            TextOnlyType0Font font = new TextOnlyType0Font(type0Copy, type0, program, cidFont.getDictionaryObject(COSName.CID_TO_GID_MAP));
            return font.hasUnicodeMappings() ? font : null;
        } catch (IOException | RuntimeException e) {
            return null; // whatever went wrong, PDFBox loads the font its own way and says what it finds
        }
    }

    /** A bounding box PDFBox takes from the descriptor rather than from the program: four numbers, not all zero. */
    private static boolean nonZeroBox(COSBase box) {
        if (!(box instanceof COSArray array) || array.size() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSNumber n)) {
                return false;
            }
            if (n.floatValue() != 0f) {
                return true;
            }
        }
        return false;
    }

    /** A Type0 font loaded without its program, which still answers the width of a space as PDFBox would. */
    private static final class TextOnlyType0Font extends PDType0Font {

        private final COSDictionary original;
        private final COSStream program;
        private final COSBase cidToGidMap;
        private float spaceWidth = -1f;
        private PDType0Font full;

        TextOnlyType0Font(COSDictionary dict, COSDictionary original, COSStream program, COSBase cidToGidMap)
                throws IOException {
            super(dict);
            this.original = original;
            this.program = program;
            this.cidToGidMap = cidToGidMap;
        }

        /** Whether the ToUnicode map maps anything: else every code would go to the full font anyway. */
        boolean hasUnicodeMappings() {
            CMap toUnicode = getToUnicodeCMap();
            return toUnicode != null && toUnicode.hasUnicodeMappings();
        }

        /**
         * PDFont.getSpaceWidth for a font with a ToUnicode map: the width of the code ToUnicode maps to a space,
         * else PDCIDFontType2.getWidthFromFont(32) from the program, else the average width of /W.
         */
        @Override
        public float getSpaceWidth() {
            if (spaceWidth < 0) {
                try {
                    float width = -1f;
                    int space = getToUnicodeCMap().getSpaceMapping();
                    if (space > -1) {
                        width = getWidth(space);
                    }
                    if (width <= 0) {
                        width = widthOfCode32FromProgram();
                    }
                    if (width <= 0) {
                        width = getAverageFontWidth();
                    }
                    spaceWidth = width;
                } catch (IOException | RuntimeException e) {
                    spaceWidth = fromTheFullFont();
                }
            }
            return spaceWidth;
        }

        /**
         * The ToUnicode map's text for a code it maps (as PDFont.toUnicode gives it). A code it does not map makes
         * PDType0Font look into the program's cmap: that question goes to the font loaded in full.
         */
        @Override
        public String toUnicode(int code) {
            // PDFont.toUnicode reads an Identity-H font's ToUnicode map with two-byte codes.
            String unicode = getToUnicodeCMap().toUnicode(code, 2);
            if (unicode != null) {
                return unicode;
            }
            try {
                return fullFont().toUnicode(code);
            } catch (IOException e) {
                return null; // a program PDFBox cannot load either: no text for the code, as PDFBox would give
            }
        }

        /** A program this class cannot read (not plain TrueType, tables missing): ask PDFBox with the program loaded. */
        private float fromTheFullFont() {
            try {
                return fullFont().getSpaceWidth();
            } catch (IOException | RuntimeException e) {
                return UNKNOWN_SPACE_WIDTH;
            }
        }

        /** The same font loaded by PDFBox with its program, for the rare questions only the program answers. */
        private PDType0Font fullFont() throws IOException {
            if (full == null) {
                full = new PDType0Font(original);
            }
            return full;
        }

        /**
         * PDCIDFontType2.getWidthFromFont(32) of the embedded program: code 32 is CID 32 under Identity-H; its
         * glyph comes from CIDToGIDMap (0 beyond the map) or is the CID itself (0 beyond the glyph count); the
         * advance is hmtx's (the last long metric beyond numberOfHMetrics, 250 without any), in units of 1/1000 em.
         */
        private float widthOfCode32FromProgram() throws IOException {
            final int cid = 32;
            ByteBuffer ttf;
            try (InputStream in = program.createInputStream()) {
                ttf = ByteBuffer.wrap(in.readAllBytes());
            }
            int head = table(ttf, "head");
            int hhea = table(ttf, "hhea");
            int maxp = table(ttf, "maxp");
            int hmtx = table(ttf, "hmtx");
            if (head < 0 || hhea < 0 || maxp < 0) {
                throw new IOException("the font program lacks head, hhea or maxp");
            }
            int gid;
            if (cidToGidMap instanceof COSStream map) {
                byte[] bytes;
                try (InputStream in = map.createInputStream()) {
                    bytes = in.readAllBytes();
                }
                gid = cid < bytes.length / 2 ? ((bytes[2 * cid] & 0xFF) << 8) | (bytes[2 * cid + 1] & 0xFF) : 0;
            } else {
                gid = cid < Short.toUnsignedInt(ttf.getShort(maxp + 4)) ? cid : 0;
            }
            int numHMetrics = Short.toUnsignedInt(ttf.getShort(hhea + 34));
            int advance;
            if (hmtx < 0 || numHMetrics == 0) {
                advance = 250;
            } else {
                advance = Short.toUnsignedInt(ttf.getShort(hmtx + 4 * Math.min(gid, numHMetrics - 1)));
            }
            float width = advance;
            int unitsPerEm = Short.toUnsignedInt(ttf.getShort(head + 18));
            if (unitsPerEm != 1000) {
                width *= 1000f / unitsPerEm;
            }
            return width;
        }

        /** The offset of the table {@code tag} in a TrueType program, or -1. */
        private static int table(ByteBuffer ttf, String tag) throws IOException {
            int version = ttf.getInt(0);
            if (version != 0x00010000 && version != 0x74727565) {
                throw new IOException("not a TrueType program");
            }
            int tables = Short.toUnsignedInt(ttf.getShort(4));
            for (int i = 0; i < tables; i++) {
                int record = 12 + 16 * i;
                if (ttf.get(record) == tag.charAt(0) && ttf.get(record + 1) == tag.charAt(1)
                        && ttf.get(record + 2) == tag.charAt(2) && ttf.get(record + 3) == tag.charAt(3)) {
                    return ttf.getInt(record + 8);
                }
            }
            return -1;
        }
    }

    /**
     * PDFBox's font mapper, except for the fonts loaded here without their program: those get a fixed stand-in
     * (PDFBox's own Liberation Sans, parsed once) as a non-fallback mapping, so PDFBox neither searches the
     * system fonts nor warns. Installed once, wrapping whatever mapper was set before.
     */
    private static final class StandInMapper implements FontMapper {

        /** Null until the first attempt; then whether the stand-in is installed (a failure is not retried per PDF). */
        private static Boolean installed;
        private final FontMapper delegate;
        private final TrueTypeFont standIn;

        private StandInMapper(FontMapper delegate, TrueTypeFont standIn) {
            this.delegate = delegate;
            this.standIn = standIn;
        }

        /** Installs the mapper once; false when the stand-in cannot be read. */
        static synchronized boolean install() {
            if (installed != null) {
                return installed;
            }
            try (InputStream in = PDFont.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                if (in == null) {
                    throw new IOException("PDFBox's LiberationSans-Regular.ttf is not on the class path");
                }
                TrueTypeFont standIn = new TTFParser().parse(new RandomAccessReadBuffer(in));
                // Read the tables PDFBox asks a CID font's program for now, so that threads sharing it later only read.
                standIn.getUnicodeCmapLookup(false);
                standIn.getNumberOfGlyphs();
                standIn.getUnitsPerEm();
                standIn.getFontBBox();
                standIn.getName();
                FontMappers.set(new StandInMapper(FontMappers.instance(), standIn));
                installed = true;
            } catch (IOException | RuntimeException e) {
                installed = false;
            }
            return installed;
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return delegate.getTrueTypeFont(baseFont, descriptor);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return delegate.getFontBoxFont(baseFont, descriptor);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            if (descriptor != null && descriptor.getCOSObject().getBoolean(MARKER, false)) {
                return new CIDFontMapping(null, standIn, false);
            }
            return delegate.getCIDFont(baseFont, descriptor, cidSystemInfo);
        }
    }
}
