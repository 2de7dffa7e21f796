package org.openjxc.inventory.web;

import org.openjxc.document.DocumentType;
import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.inventory.Pick;
import org.openjxc.inventory.Picking;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ErrorCode;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** Picking lists of documents that take stock out: a printable page and the API. */
@Controller
class PickingController {

    private final Documents documents;
    private final Picking picking;

    PickingController(Documents documents, Picking picking) {
        this.documents = documents;
        this.picking = picking;
    }

    @GetMapping("/api/v1/documents/{id}/picking")
    @ResponseBody
    @RequiresPermission(Permission.VIEW_STOCK)
    java.util.List<Pick> api(@PathVariable long id) {
        return picking.list(Actors.require(), pickable(Actors.require(), id));
    }

    @GetMapping("/documents/{id}/picking")
    @RequiresPermission(Permission.VIEW_STOCK)
    String page(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        DocumentView doc = pickable(actor, id);
        model.addAttribute("doc", doc);
        model.addAttribute("picks", picking.list(actor, doc));
        return "inventory/picking";
    }

    /** Only what takes stock out of a warehouse has something to pick: a sales order, an outbound, a transfer. */
    private DocumentView pickable(Actor actor, long id) {
        DocumentView doc = documents.get(actor, id);
        DocumentType.Direction d = doc.type().direction();
        boolean picks = doc.type() == DocumentType.SALES_ORDER
                || d == DocumentType.Direction.OUTBOUND
                || d == DocumentType.Direction.TRANSFER;
        if (!picks) {
            throw new BusinessException(ErrorCode.INVALID_STATE, "error.document.nothingToPick", doc.number());
        }
        return doc;
    }
}
