package io.gongkai.ingest.service;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip archive of a batch, read from its central directory: the entries and their declared sizes are known before
 * anything is inflated, so the limits are checked first, and an entry is never inflated past what it declares.
 * Names come as UTF-8 (or flagged so); an archive made by Chinese Windows, which writes GBK names unflagged, is read
 * again with GB18030.
 */
final class ZipArchive implements Closeable {

    /** An entry's declared sizes ({@code compressedSize} may be -1 when unknown). */
    record Entry(String path, long size, long compressedSize) {
    }

    /** An entry whose bytes could not be had: damaged, encrypted, an unknown method, or more bytes than declared. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Reading ran past the batch's parse-time bound. */
    static final class OutOfTime extends Exception {
    }

    private final ZipFile zip;
    private final List<Entry> entries;

    private ZipArchive(ZipFile zip) {
        this.zip = zip;
        List<Entry> list = new ArrayList<>(zip.size());
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (!e.isDirectory()) {
                list.add(new Entry(e.getName(), e.getSize(), e.getCompressedSize()));
            }
        }
        this.entries = List.copyOf(list);
    }

    /** @throws IOException when the file is not a zip archive this reader can read */
    static ZipArchive open(Path file) throws IOException {
        try {
            return new ZipArchive(new ZipFile(file.toFile(), StandardCharsets.UTF_8));
        } catch (java.util.zip.ZipException badNames) {
            // names not in UTF-8 (nor flagged so): the common case is GBK from Chinese Windows
            return new ZipArchive(new ZipFile(file.toFile(), Charset.forName("GB18030")));
        }
    }

    /** The files of the archive in its order (directories left out). */
    List<Entry> entries() {
        return entries;
    }

    /**
     * An entry's bytes, never more than it declares (a bomb lying about its size is cut off there and refused).
     *
     * @param deadline {@link System#nanoTime()} after which reading stops
     */
    byte[] read(Entry entry, long deadline) throws Unreadable, OutOfTime {
        ZipEntry e = zip.getEntry(entry.path());
        if (e == null) {
            throw new Unreadable("the entry is listed but cannot be found");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entry.size(), 0), 1 << 20));
        byte[] buffer = new byte[64 << 10];
        try (InputStream in = zip.getInputStream(e)) {
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > entry.size()) {
                    throw new Unreadable("it holds more bytes than the archive declares (" + entry.size() + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new OutOfTime();
                }
                out.write(buffer, 0, n);
            }
            if (total != entry.size()) {
                throw new Unreadable("it holds " + total + " bytes, not the " + entry.size() + " the archive declares");
            }
        } catch (IOException | RuntimeException damaged) {
            // ZipException (bad data, encrypted, unsupported method), EOFException (truncated), IllegalArgumentException
            throw new Unreadable(damaged.getMessage() == null ? damaged.getClass().getSimpleName() : damaged.getMessage());
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
