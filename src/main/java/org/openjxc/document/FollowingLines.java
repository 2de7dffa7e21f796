package org.openjxc.document;

import java.util.List;
import java.util.Optional;
import org.openjxc.shared.Actor;

/**
 * The lines a new document following another starts with, where they are not the source's own
 * open lines (a material issue starts with the components its production order still needs).
 */
public interface FollowingLines {

    /** The lines, or empty when this contributor does not handle {@code type}. */
    Optional<List<LineCommand>> linesFollowing(Actor actor, DocumentType type, DocumentView source);
}
