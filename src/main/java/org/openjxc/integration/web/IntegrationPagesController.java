package org.openjxc.integration.web;

import java.util.List;
import org.openjxc.integration.Backups;
import org.openjxc.integration.WebhookCommand;
import org.openjxc.integration.WebhookEvent;
import org.openjxc.integration.Webhooks;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 集成与运维: webhook subscriptions with their delivery log, and the database backup. */
@Controller
class IntegrationPagesController {

    private final Webhooks webhooks;
    private final org.openjxc.integration.Inbound inbound;
    private final org.openjxc.integration.Notifications notifications;
    private final Backups backups;
    private final ProblemWriter messages;
    private final jakarta.validation.Validator validator;

    IntegrationPagesController(
            Webhooks webhooks,
            org.openjxc.integration.Inbound inbound,
            org.openjxc.integration.Notifications notifications,
            Backups backups,
            ProblemWriter messages,
            jakarta.validation.Validator validator) {
        this.notifications = notifications;
        this.inbound = inbound;
        this.webhooks = webhooks;
        this.backups = backups;
        this.messages = messages;
        this.validator = validator;
    }

    @Bean
    static NavigationEntry integrationsNavigation() {
        return new NavigationEntry(
                "nav.section.system", "nav.integrations", "/integrations", "MANAGE_INTEGRATIONS", 960);
    }

    @Bean
    static NavigationEntry notificationsNavigation() {
        return new NavigationEntry("nav.section.home", "nav.notifications", "/notifications", "VIEW_DASHBOARD", 20);
    }

    @GetMapping("/notifications")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    String notifications(@RequestParam(required = false) Integer page, Model model) {
        var actor = Actors.require();
        model.addAttribute("channels", org.openjxc.integration.NotificationChannel.values());
        model.addAttribute("topics", org.openjxc.integration.NotificationTopic.values());
        model.addAttribute("subscriptions", notifications.subscriptions(actor));
        model.addAttribute("messages", notifications.messages(actor, PageQuery.of(page, 50, null)));
        return "integration/notifications";
    }

    @PostMapping("/notifications")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    String subscribeToNotifications(
            @RequestParam(required = false) org.openjxc.integration.NotificationChannel channel,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String secret,
            @RequestParam(name = "topic", required = false) List<org.openjxc.integration.NotificationTopic> topics,
            RedirectAttributes flash,
            jakarta.servlet.http.HttpServletRequest request) {
        var command = new org.openjxc.integration.NotificationCommand(
                channel, target == null ? "" : target, secret, topics == null ? List.of() : topics);
        try {
            if (!validator.validate(command).isEmpty()) {
                throw BusinessException.invalid("target", "import.required");
            }
            notifications.subscribe(Actors.require(), command);
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    e.violations().isEmpty()
                            ? messages.message(request, e.messageKey(), e.args().toArray())
                            : messages.message(
                                    request,
                                    e.violations().get(0).messageKey(),
                                    e.violations().get(0).args().toArray()));
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/{id}/disable")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    String unsubscribeFromNotifications(@PathVariable long id) {
        notifications.unsubscribe(Actors.require(), id);
        return "redirect:/notifications";
    }

    @GetMapping("/integrations")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    String page(
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
        var actor = Actors.require();
        model.addAttribute("status", status);
        model.addAttribute("events", WebhookEvent.values());
        model.addAttribute("subscriptions", webhooks.subscriptions(actor));
        model.addAttribute("deliveries", webhooks.deliveries(actor, status, null, PageQuery.of(page, 50, null)));
        model.addAttribute("parked", inbound.messages(actor, "PARKED", PageQuery.of(0, 50, null)));
        model.addAttribute("mappings", inbound.mappings(actor));
        return "integration/integrations";
    }

    @PostMapping("/integrations/webhooks")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    String subscribe(
            @RequestParam(required = false) String url,
            @RequestParam(name = "event", required = false) List<WebhookEvent> events,
            RedirectAttributes flash) {
        var command = new WebhookCommand(url == null ? null : url.trim(), events == null ? List.of() : events, null);
        var violations = validator.validate(command);
        if (!violations.isEmpty()) {
            flash.addFlashAttribute(
                    "flashError",
                    violations.stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted()
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
            return "redirect:/integrations";
        }
        var created = webhooks.subscribe(Actors.require(), command);
        flash.addFlashAttribute("newSecret", created.secret());
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/webhooks/{id}/disable")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    String unsubscribe(@PathVariable long id) {
        webhooks.unsubscribe(Actors.require(), id);
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/deliveries/{id}/redeliver")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    String redeliver(@PathVariable long id, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        try {
            webhooks.redeliver(Actors.require(), id);
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    messages.message(request, e.messageKey(), e.args().toArray()));
        }
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/inbound/{id}/replay")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    String replay(
            @PathVariable long id,
            @RequestParam(required = false) String payload,
            RedirectAttributes flash,
            jakarta.servlet.http.HttpServletRequest request) {
        try {
            var message = inbound.replay(Actors.require(), id, payload == null || payload.isBlank() ? null : payload);
            if (message.status().equals("PARKED")) {
                flash.addFlashAttribute("flashError", message.reason());
            } else {
                flash.addFlashAttribute("flashSuccess", messages.message(request, "integrations.replayed", id));
            }
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    messages.message(request, e.messageKey(), e.args().toArray()));
        }
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/backup")
    @RequiresPermission(Permission.MANAGE_BACKUPS)
    String backup(RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        try {
            var b = backups.backup(Actors.require());
            flash.addFlashAttribute(
                    "flashSuccess", messages.message(request, "integrations.backedUp", b.file(), b.bytes()));
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    messages.message(request, e.messageKey(), e.args().toArray()));
        }
        return "redirect:/integrations";
    }
}
