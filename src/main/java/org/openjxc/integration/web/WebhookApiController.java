package org.openjxc.integration.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.openjxc.integration.WebhookCommand;
import org.openjxc.integration.WebhookDeliveryView;
import org.openjxc.integration.WebhookView;
import org.openjxc.integration.Webhooks;
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

/** Webhook subscriptions and their delivery log. */
@RestController
@Tag(name = "Integrations")
class WebhookApiController {

    private final Webhooks webhooks;

    WebhookApiController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    WebhookView subscribe(@Valid @RequestBody WebhookCommand command) {
        return webhooks.subscribe(Actors.require(), command);
    }

    @GetMapping("/api/v1/webhooks")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    List<WebhookView> subscriptions() {
        return webhooks.subscriptions(Actors.require());
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    void unsubscribe(@PathVariable long id) {
        webhooks.unsubscribe(Actors.require(), id);
    }

    @GetMapping("/api/v1/webhooks/deliveries")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    PageResult<WebhookDeliveryView> deliveries(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String event,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return webhooks.deliveries(Actors.require(), status, event, PageQuery.of(page, size, null));
    }

    @PostMapping("/api/v1/webhooks/deliveries/{id}/redeliver")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    WebhookDeliveryView redeliver(@PathVariable long id) {
        return webhooks.redeliver(Actors.require(), id);
    }
}
