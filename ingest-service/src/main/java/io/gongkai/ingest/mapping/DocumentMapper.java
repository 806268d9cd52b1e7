package io.gongkai.ingest.mapping;

import io.gongkai.ingest.repository.DocumentListItem;
import io.gongkai.ingest.repository.DocumentRecord;

/** From the read model's records to what the API shows. */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    public static DocumentView toView(DocumentRecord d) {
        return new DocumentView(d.documentId(), d.status(), d.fileName(), d.sourceUrl(), d.sha256(), d.size(), d.receivedAt(),
                d.fetchedAt(), d.detectedType(), d.report(), d.findings(), d.ruleSetVersion(), d.validationVersion(), d.error());
    }

    public static DocumentSummary toSummary(DocumentListItem d) {
        return new DocumentSummary(d.documentId(), d.status(), d.fileName(), d.receivedAt(), d.agency(), d.year(),
                d.templateVersion(), d.errors(), d.warnings(), d.error());
    }
}
