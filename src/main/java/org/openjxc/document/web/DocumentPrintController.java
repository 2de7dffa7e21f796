package org.openjxc.document.web;

import org.openjxc.document.DocumentView;
import org.openjxc.document.Documents;
import org.openjxc.organization.Companies;
import org.openjxc.organization.Company;
import org.openjxc.partner.PartnerView;
import org.openjxc.partner.Partners;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.BarcodeImages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A document as paper: delivery note, receipt note, with the company header and the number as a barcode. */
@Controller
class DocumentPrintController {

    private final Documents documents;
    private final Companies companies;
    private final Partners partners;

    DocumentPrintController(Documents documents, Companies companies, Partners partners) {
        this.documents = documents;
        this.companies = companies;
        this.partners = partners;
    }

    @GetMapping("/documents/{id}/print")
    @RequiresPermission(Permission.VIEW_DOCUMENTS)
    String print(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        DocumentView doc = documents.print(actor, id);
        model.addAttribute("doc", doc);
        model.addAttribute(
                "companyName",
                companies.find(actor.companyId()).map(Company::name).orElse(""));
        model.addAttribute(
                "partnerName",
                doc.partner() == null
                        ? null
                        : partners.find(actor.companyId(), doc.partner())
                                .map(PartnerView::name)
                                .orElse(null));
        if (doc.sourceDocument() != null) {
            model.addAttribute(
                    "sourceNumber", documents.get(actor, doc.sourceDocument()).number());
        }
        // Scanned at the door or by the receiving clerk to find the document.
        model.addAttribute("barcode", BarcodeImages.linear(doc.number()));
        return "document/print";
    }
}
