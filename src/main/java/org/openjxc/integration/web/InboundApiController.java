package org.openjxc.integration.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.openjxc.integration.Inbound;
import org.openjxc.integration.InboundMappingCommand;
import org.openjxc.integration.InboundMappingView;
import org.openjxc.integration.InboundMessageView;
import org.openjxc.shared.Actors;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner systems' callbacks (a 3PL confirming shipments, a WMS receiving returns) and the mappings
 * and parked messages behind them. A callback answers 201 with the document it posted, or 202 with
 * the reason it is parked — it is kept either way.
 */
@RestController
@Tag(name = "Integrations")
class InboundApiController {

    private final Inbound inbound;

    InboundApiController(Inbound inbound) {
        this.inbound = inbound;
    }

    @PostMapping("/api/v1/inbound/mappings")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    InboundMappingView saveMapping(@Valid @RequestBody InboundMappingCommand command) {
        return inbound.saveMapping(Actors.require(), command);
    }

    @GetMapping("/api/v1/inbound/mappings")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    List<InboundMappingView> mappings() {
        return inbound.mappings(Actors.require());
    }

    @PostMapping(value = "/api/v1/inbound/{mapping}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.RECEIVE_INBOUND)
    InboundMessageView receive(
            @PathVariable String mapping, @RequestBody String payload, HttpServletResponse response) {
        InboundMessageView message = inbound.receive(Actors.require(), mapping, payload);
        response.setStatus(
                message.status().equals("PROCESSED") ? HttpStatus.CREATED.value() : HttpStatus.ACCEPTED.value());
        return message;
    }

    @GetMapping("/api/v1/inbound/messages")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    PageResult<InboundMessageView> messages(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return inbound.messages(Actors.require(), status, PageQuery.of(page, size, null));
    }

    /** Replays a parked message; the body, when there is one, is the corrected message. */
    @PostMapping("/api/v1/inbound/messages/{id}/replay")
    @RequiresPermission(Permission.MANAGE_INTEGRATIONS)
    InboundMessageView replay(@PathVariable long id, @RequestBody(required = false) String corrected) {
        return inbound.replay(Actors.require(), id, corrected == null || corrected.isBlank() ? null : corrected);
    }
}
