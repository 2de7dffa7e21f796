package org.openjxc.reporting.web;

import java.time.LocalDate;
import org.openjxc.audit.AuditLog;
import org.openjxc.audit.AuditQuery;
import org.openjxc.document.DocumentQuery;
import org.openjxc.document.DocumentStatus;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.organization.Companies;
import org.openjxc.reporting.Reports;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what needs attention today. Grows as features add their alerts. */
@Controller
class DashboardController {

    private final Companies companies;
    private final AuditLog audit;
    private final Documents documents;
    private final Reports reports;
    private final org.openjxc.reporting.Tasks tasks;

    DashboardController(
            Companies companies,
            AuditLog audit,
            Documents documents,
            Reports reports,
            org.openjxc.reporting.Tasks tasks) {
        this.reports = reports;
        this.tasks = tasks;
        this.companies = companies;
        this.audit = audit;
        this.documents = documents;
    }

    @Bean
    static NavigationEntry dashboardNavigation() {
        return new NavigationEntry("nav.section.home", "nav.dashboard", "/", "VIEW_DASHBOARD", 0);
    }

    @GetMapping("/")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    String home(Model model, Authentication authentication) {
        Actor actor = Actors.require();
        model.addAttribute("company", companies.find(actor.companyId()).orElseThrow());
        boolean canSeeAudit = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("VIEW_AUDIT_LOG"));
        if (canSeeAudit && !actor.scope().restricted()) {
            LocalDate today = LocalDate.now();
            var todays = audit.find(
                    actor.companyId(), new AuditQuery(null, null, null, null, today, today), PageQuery.of(0, 10, null));
            model.addAttribute("recentActivity", todays);
        }
        if (Actors.has(Permission.VIEW_DOCUMENTS)) {
            // Documents that have not moved stock yet, oldest first: the ones people forget.
            var unposted = new java.util.ArrayList<DocumentView>();
            for (DocumentStatus status : java.util.List.of(
                    DocumentStatus.ON_HOLD, DocumentStatus.APPROVED, DocumentStatus.SUBMITTED, DocumentStatus.DRAFT)) {
                unposted.addAll(documents
                        .list(
                                actor,
                                new DocumentQuery(null, status, null, null, null, null, null),
                                PageQuery.of(0, 20, "date,asc"))
                        .items());
            }
            unposted.sort(java.util.Comparator.comparing(DocumentView::createdAt));
            model.addAttribute("unposted", unposted.stream().limit(10).toList());
            model.addAttribute("today", LocalDate.now());
        }
        model.addAttribute("attention", reports.alerts(actor).stream().limit(20).toList());
        // 我的待办, by kind, and this month's business for those who may see margins.
        var mine = tasks.of(actor);
        model.addAttribute("tasks", mine);
        var byKind = new java.util.EnumMap<org.openjxc.reporting.TaskKind, Long>(org.openjxc.reporting.TaskKind.class);
        mine.forEach(t -> byKind.merge(t.kind(), 1L, Long::sum));
        model.addAttribute("taskCounts", byKind);
        if (Actors.has(Permission.VIEW_MARGIN)) {
            model.addAttribute(
                    "month", reports.trend(actor, 1).stream().findFirst().orElse(null));
        }
        return "reporting/dashboard";
    }

    @GetMapping("/api/v1/reports/tasks")
    @org.springframework.web.bind.annotation.ResponseBody
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    java.util.List<org.openjxc.reporting.TaskRow> tasks() {
        return tasks.of(Actors.require());
    }
}
