package io.gongkai.reader.formats;

/** The document cannot be read; the message says why in words users understand (Chinese, then English). */
public class UnreadableDocumentException extends RuntimeException {

    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
