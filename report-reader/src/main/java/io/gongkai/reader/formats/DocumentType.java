package io.gongkai.reader.formats;

/** The kinds of document the extractor tells apart, with their media types. */
public enum DocumentType {
    TEXT("text/plain"),
    /** Text with pipe tables, as PDF-to-Markdown converters write it. */
    MARKDOWN("text/markdown"),
    HTML("text/html"),
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC("application/msword"),
    /** A zip that is not a Word document (xlsx, odt, an archive …). */
    ARCHIVE("application/zip"),
    /** An OLE2 file that is not a Word document (xls, ppt, msg …). */
    OFFICE_OTHER("application/x-tika-msoffice"),
    IMAGE("image/*"),
    EMPTY("application/x-empty"),
    BINARY("application/octet-stream");

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
