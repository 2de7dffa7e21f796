package org.openjxc.integration.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openjxc.integration.NotificationCommand;
import org.openjxc.integration.NotificationMessageView;
import org.openjxc.integration.NotificationView;
import org.openjxc.integration.Notifications;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's notification subscriptions and what was sent. */
@RestController
@Tag(name = "Integrations")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/v1/notifications")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    NotificationView subscribe(@Valid @RequestBody NotificationCommand command) {
        return notifications.subscribe(Actors.require(), command);
    }

    @GetMapping("/api/v1/notifications")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    List<NotificationView> subscriptions() {
        return notifications.subscriptions(Actors.require());
    }

    @DeleteMapping("/api/v1/notifications/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    void unsubscribe(@PathVariable long id) {
        notifications.unsubscribe(Actors.require(), id);
    }

    @GetMapping("/api/v1/notifications/messages")
    @RequiresPermission(Permission.VIEW_DASHBOARD)
    PageResult<NotificationMessageView> messages(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return notifications.messages(Actors.require(), PageQuery.of(page, size, null));
    }
}
