package io.gongkai.rules;

/** A stored report's narrative signature, with who wrote it and for which year. */
public record NarrativeCandidate(String documentId, String agency, AgencyKey agencyKey, Integer year, NarrativeSignature signature) {
}
