package org.openjxc.reporting;

import java.util.ArrayList;
import java.util.List;
import org.openjxc.document.DocumentType;
import org.openjxc.document.Settings;
import org.openjxc.reporting.internal.TaskQueries;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的待办: what waits for this user, by what their roles let them do and where — documents to
 * approve (never their own while duties are segregated), to post, to release from hold, transfers
 * to receive into their warehouses, counts to count or approve. A warehouse keeper sees receipts
 * to post and counts to count, a manager what to approve.
 */
@Service
public class Tasks {

    private final TaskQueries queries;
    private final Settings settings;

    Tasks(TaskQueries queries, Settings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<TaskRow> of(Actor actor) {
        var s = settings.get(actor.companyId());
        Long me = Boolean.TRUE.equals(s.segregationOfDuties()) ? actor.userId() : null;
        List<String> toApprove = new ArrayList<>();
        List<String> postApproved = new ArrayList<>();
        List<String> postSubmitted = new ArrayList<>();
        List<String> viewable = new ArrayList<>();
        for (String type : Permission.documentTypes()) {
            boolean needsApproval = Boolean.TRUE.equals(s.requireApproval().get(DocumentType.valueOf(type)));
            if (Actors.has(Permission.forDocument("VIEW", type))) {
                viewable.add(type);
            }
            if (needsApproval && Actors.has(Permission.forDocument("APPROVE", type))) {
                toApprove.add(type);
            }
            if (Actors.has(Permission.forDocument("POST", type))) {
                (needsApproval ? postApproved : postSubmitted).add(type);
            }
        }
        long company = actor.companyId();
        var scope = actor.scope();
        List<TaskRow> tasks = new ArrayList<>();
        if (!Actors.has(Permission.VIEW_DOCUMENTS)) {
            viewable.clear();
            toApprove.clear();
            postApproved.clear();
            postSubmitted.clear();
        }
        tasks.addAll(queries.documents(company, scope, TaskKind.TO_APPROVE, "SUBMITTED", toApprove, me, ""));
        // The creator of a document whose type needs approval does not post it either.
        tasks.addAll(queries.documents(company, scope, TaskKind.TO_POST, "APPROVED", postApproved, me, ""));
        tasks.addAll(queries.documents(company, scope, TaskKind.TO_POST, "APPROVED", postSubmitted, null, ""));
        tasks.addAll(queries.documents(company, scope, TaskKind.TO_POST, "SUBMITTED", postSubmitted, null, ""));
        if (Actors.has(Permission.RELEASE_HOLD)) {
            tasks.addAll(queries.documents(company, scope, TaskKind.TO_RELEASE, "ON_HOLD", viewable, null, ""));
        }
        if (viewable.contains("TRANSFER")) {
            tasks.addAll(queries.documents(
                    company,
                    scope,
                    TaskKind.TO_RECEIVE,
                    "POSTED",
                    List.of("TRANSFER"),
                    null,
                    " and not d.fully_received"));
        }
        if (Actors.has(Permission.ENTER_COUNT)) {
            tasks.addAll(queries.counts(company, scope, TaskKind.TO_COUNT, "OPEN", me));
        }
        if (Actors.has(Permission.APPROVE_COUNT)) {
            tasks.addAll(queries.counts(company, scope, TaskKind.TO_APPROVE_COUNT, "SUBMITTED", me));
        }
        return tasks;
    }
}
