/**
 * The document engine every document type uses: header and lines, numbering, the lifecycle
 * (draft → submitted → approved → posted, unpost back to draft, cancel, hold), version checks,
 * idempotent posting, company settings and the suspected-duplicate rule. What posting does to
 * stock is the business of the {@link org.openjxc.document.DocumentPoster} beans.
 */
package org.openjxc.document;
