package org.openjxc.finance.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.openjxc.finance.Periods;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The periods page: closed months with their figures, closing the next and reopening the latest. */
@Controller
class PeriodPagesController {

    private final Periods periods;
    private final ProblemWriter messages;

    PeriodPagesController(Periods periods, ProblemWriter messages) {
        this.periods = periods;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry periodsNavigation() {
        return new NavigationEntry("nav.section.finance", "nav.periods", "/periods", "MANAGE_PERIODS", 710);
    }

    @GetMapping("/periods")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    String page(Model model) {
        model.addAttribute("status", periods.status(Actors.require()));
        return "finance/periods";
    }

    @PostMapping("/periods/close")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    String closeFromPage(@RequestParam String month, RedirectAttributes flash) {
        try {
            var closed = periods.close(Actors.require(), month(month));
            flash.addFlashAttribute("flashSuccess", message("periods.closed", closed.month()));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError", message(e.messageKey(), e.args().toArray()));
        }
        return "redirect:/periods";
    }

    @PostMapping("/periods/reopen")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    String reopenFromPage(@RequestParam String month, RedirectAttributes flash) {
        try {
            periods.reopen(Actors.require(), month(month));
            flash.addFlashAttribute("flashSuccess", message("periods.reopened", month));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError", message(e.messageKey(), e.args().toArray()));
        }
        return "redirect:/periods";
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("month", "error.period.month", text);
        }
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
