package org.openjxc.document;

/**
 * Completes a document about to be posted or unposted with what only a later feature knows, and
 * checks it: production explodes kits and recipes into their components, fixes a production
 * order's BOMs, checks material issues against them and costs finished goods. Called in the
 * transition's transaction after the engine's own checks and before any poster; a refusal rolls
 * the transition back.
 */
public interface PostingPreparer {

    PostingDocument prepare(PostingDocument document, boolean unposting);
}
