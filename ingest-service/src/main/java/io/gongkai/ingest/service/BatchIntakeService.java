package io.gongkai.ingest.service;

import io.gongkai.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many documents in one request: form parts and the files of zip archives, each submitted as a single submit is
 * ({@link DocumentIntakeService}: same bytes, same id), answered one item per file in order. The batch is planned
 * first from what is known without reading (parts' sizes, the zip central directories): above the limits it is
 * refused whole and nothing is submitted. Files are then read one at a time, so memory holds one document at most.
 * A broker or store outage stops the batch with 503 (the files before it were accepted; sending the batch again is
 * safe: the same bytes get the same ids).
 */
@ApplicationScoped
public class BatchIntakeService {

    /** Entries at most this large are not held to the compression-ratio bound (small files compress very well). */
    static final long RATIO_FLOOR = 1 << 20;

    private final DocumentIntakeService intake;
    private final IngestConfig config;

    public BatchIntakeService(DocumentIntakeService intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    /** A planned batch: its files in order, the archives it holds open. Close it when done. */
    public static final class Plan implements AutoCloseable {
        private final List<Planned> files = new ArrayList<>();
        private final List<ZipArchive> archives = new ArrayList<>();

        public int size() {
            return files.size();
        }

        @Override
        public void close() {
            for (ZipArchive a : archives) {
                try {
                    a.close();
                } catch (IOException e) {
                    // nothing was written: only the open file is released
                }
            }
        }
    }

    /** One file of a plan: a form part, or an entry of a zip. */
    private sealed interface Planned permits PartFile, ArchiveFile {
    }

    private record PartFile(BatchPart part) implements Planned {
    }

    private record ArchiveFile(ZipArchive archive, ZipArchive.Entry entry) implements Planned {
    }

    /**
     * The files of these parts in order, a zip part standing for its files.
     *
     * @throws BatchRefusedException when there are no files, too many, too many bytes, or a zip cannot be read
     */
    public Plan plan(List<BatchPart> parts) {
        IngestConfig.Batch limits = config.upload().batch();
        Plan plan = new Plan();
        long bytes = 0;
        try {
            for (BatchPart part : parts) {
                if (!part.isZip()) {
                    plan.files.add(new PartFile(part));
                    bytes += part.size() <= config.upload().maxBytes() ? part.size() : 0;
                    continue;
                }
                ZipArchive archive;
                try {
                    archive = ZipArchive.open(part.file());
                } catch (IOException e) {
                    throw new BatchRefusedException(400, "Unreadable archive", String.format(Locale.ROOT,
                            "“%s” 不是可读取的 zip 压缩包（%s）。 “%s” is not a zip archive this service can read (%s).",
                            shownName(part), e.getMessage(), shownName(part), e.getMessage()));
                }
                plan.archives.add(archive);
                if (plan.files.size() + archive.entries().size() > limits.maxFiles()) {
                    throw tooManyFiles(limits.maxFiles());
                }
                for (ZipArchive.Entry entry : archive.entries()) {
                    plan.files.add(new ArchiveFile(archive, entry));
                    bytes += refusedUnread(entry, limits) == null ? entry.size() : 0;
                }
            }
            if (plan.files.isEmpty()) {
                throw new BatchRefusedException(400, "Empty batch",
                        "批量提交中没有文件。 The batch holds no file (form fields named file, or a zip with files).");
            }
            if (plan.files.size() > limits.maxFiles()) {
                throw tooManyFiles(limits.maxFiles());
            }
            if (bytes > limits.maxTotalBytes()) {
                throw new BatchRefusedException(413, "Batch too large", String.format(Locale.ROOT,
                        "批量文件展开后共 %d 字节，超过上限 %d 字节，请分批提交。 The batch's files hold %d bytes once expanded, "
                                + "more than the limit of %d; send them in smaller batches.",
                        bytes, limits.maxTotalBytes(), bytes, limits.maxTotalBytes()));
            }
            return plan;
        } catch (RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    /** Submits the planned files in order: one item each. */
    public BatchAnswer submit(Plan plan) {
        IngestConfig.Batch limits = config.upload().batch();
        long deadline = System.nanoTime() + limits.maxParseTime().toNanos();
        List<BatchItem> items = new ArrayList<>(plan.files.size());
        for (Planned file : plan.files) {
            items.add(switch (file) {
                case PartFile p -> submitPart(p.part());
                case ArchiveFile a -> submitEntry(a, limits, deadline);
            });
        }
        return BatchAnswer.of(items);
    }

    private BatchItem submitPart(BatchPart part) {
        String name = FileNames.safe(part.name());
        if (part.size() == 0) {
            return empty(name, null);
        }
        if (part.size() > config.upload().maxBytes()) {
            return tooLarge(name, null, part.size());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(part.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = part.contentType() == null || part.contentType().startsWith("application/octet-stream")
                ? FileNames.mediaType(name) : part.contentType();
        return BatchItem.accepted(name, null, intake.submit(new Submission(bytes, type, name, null, null)));
    }

    private BatchItem submitEntry(ArchiveFile file, IngestConfig.Batch limits, long deadline) {
        ZipArchive.Entry entry = file.entry();
        String name = FileNames.safe(entry.path());
        String shown = FileNames.shown(entry.path());
        BatchItem refused = refusedUnread(entry, limits);
        if (refused != null) {
            return refused;
        }
        if (System.nanoTime() > deadline) {
            return outOfTime(name, shown);
        }
        byte[] bytes;
        try {
            bytes = file.archive().read(entry, deadline);
        } catch (ZipArchive.OutOfTime e) {
            return outOfTime(name, shown);
        } catch (ZipArchive.Unreadable e) {
            return BatchItem.refused(name, shown, 422, "Unreadable archive entry", "无法从压缩包读取此文件（损坏或加密）："
                    + e.getMessage() + "。 The entry cannot be read (damaged or encrypted): " + e.getMessage() + ".");
        }
        return BatchItem.accepted(name, shown, intake.submit(new Submission(bytes, FileNames.mediaType(name), name, null, null)));
    }

    /**
     * The answer to an entry that is not read at all (archiver metadata, a nested archive, a bomb, empty, too large), or
     * null for one that is. Only entries that are read count towards {@code max-total-bytes}.
     */
    private BatchItem refusedUnread(ZipArchive.Entry entry, IngestConfig.Batch limits) {
        String name = FileNames.safe(entry.path());
        String shown = FileNames.shown(entry.path());
        if (FileNames.isArchiverMetadata(entry.path())) {
            return BatchItem.refused(name, shown, 422, "Not a document",
                    "压缩软件附带的元数据文件，未提交。 A file an archiver adds (macOS resource fork, thumbnails): not submitted.");
        }
        if (FileNames.isArchive(name)) {
            return BatchItem.refused(name, shown, 422, "Nested archive not expanded",
                    "压缩包内的压缩包不会展开，请解压后提交。 An archive inside the archive is not expanded; send its files instead.");
        }
        // before the size: a bomb is named a bomb
        if (entry.size() > RATIO_FLOOR && entry.compressedSize() >= 0
                && entry.size() > (double) limits.maxRatio() * Math.max(1, entry.compressedSize())) {
            long ratio = entry.size() / Math.max(1, entry.compressedSize());
            return BatchItem.refused(name, shown, 413, "Compression ratio too high", String.format(Locale.ROOT,
                    "此文件压缩比为 %d:1，超过上限 %d:1，未解压（疑似压缩炸弹）。 The entry expands %d times (limit %d): not inflated, "
                            + "as a zip bomb would.", ratio, limits.maxRatio(), ratio, limits.maxRatio()));
        }
        if (entry.size() == 0) {
            return empty(name, shown);
        }
        if (entry.size() > config.upload().maxBytes()) {
            return tooLarge(name, shown, entry.size());
        }
        return null;
    }

    private static BatchItem empty(String name, String entry) {
        return BatchItem.refused(name, entry, 400, "Empty document", "提交的文档为空。 The document is empty.");
    }

    private BatchItem tooLarge(String name, String entry, long size) {
        long max = config.upload().maxBytes();
        return BatchItem.refused(name, entry, 413, "Document too large", String.format(Locale.ROOT,
                "文档大小 %d 字节，超过上限 %d 字节。 The document has %d bytes, more than the limit of %d.", size, max, size, max));
    }

    private BatchItem outOfTime(String name, String entry) {
        long s = config.upload().batch().maxParseTime().toSeconds();
        return BatchItem.refused(name, entry, 503, "Not read in time", String.format(Locale.ROOT,
                "批量读取超过 %d 秒，此文件未提交，请以较小批次重新提交。 Reading the batch took more than %d s; this file was not "
                        + "submitted: send it again in a smaller batch.", s, s));
    }

    private static BatchRefusedException tooManyFiles(int max) {
        return new BatchRefusedException(413, "Too many files", String.format(Locale.ROOT,
                "一次批量提交最多 %d 个文件，请分批提交。 A batch holds at most %d files; send them in smaller batches.", max, max));
    }

    private static String shownName(BatchPart part) {
        return part.name() == null ? "zip" : FileNames.shown(part.name());
    }
}
