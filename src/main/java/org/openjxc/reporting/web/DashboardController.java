package org.openjxc.reporting.web;

import java.time.LocalDate;
import org.openjxc.audit.AuditLog;
import org.openjxc.audit.AuditQuery;
import org.openjxc.organization.Companies;
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

    DashboardController(Companies companies, AuditLog audit) {
        this.companies = companies;
        this.audit = audit;
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
        if (canSeeAudit) {
            LocalDate today = LocalDate.now();
            var todays = audit.find(
                    actor.companyId(), new AuditQuery(null, null, null, null, today, today), PageQuery.of(0, 10, null));
            model.addAttribute("recentActivity", todays);
        }
        return "reporting/dashboard";
    }
}
