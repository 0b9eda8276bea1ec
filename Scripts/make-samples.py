#!/usr/bin/env python3
"""Regenerate the sample contracts in samples/.

    python3 Scripts/make-samples.py [--out samples] [--no-pdf]

Writes, deterministically (fixed dates, no randomness):
  acme-scribe-baa.docx        a Business Associate Agreement with AI data-use terms, written as Word
                              would: automatic multi-level numbering (numbers absent from the text),
                              Heading1/Heading2 styles, running header, PAGE/NUMPAGES footer, a
                              footnote, a table, and one tracked insertion and one tracked deletion
  acme-scribe-baa.pdf         the same contract with the tracked changes accepted, printed by
                              LibreOffice (`soffice --headless --convert-to pdf`); needs soffice
  acme-scribe-baa.txt         the same contract as hard-wrapped plain text with typed numbers
  bluepeak-chat-addendum.md   a shorter AI data-use addendum in Markdown, ARTICLE I / Section 1.01
  labels.json                 the expected status of each playbook provision (../shared/spec), in the
                              format of ../shared/eval labels

The contract prose is written for this project. Every file is a pure function of this script except the
PDF, whose bytes depend on the LibreOffice version; its dates and document ID are fixed after conversion.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from xml.sax.saxutils import escape

FIXED_ZIP_TIME = (2025, 3, 1, 9, 0, 0)
FIXED_ISO = "2025-03-01T09:00:00Z"
FIXED_PDF_DATE = b"D:20250301090000Z"
HEADER_TEXT = "Acme Scribe AI - Business Associate Agreement - Confidential"
DEL_AUTHOR, DEL_DATE = "Jordan Reyes (Riverbend Legal)", "2025-02-20T14:32:00Z"
INS_AUTHOR, INS_DATE = "Jordan Reyes (Riverbend Legal)", "2025-02-20T14:33:00Z"

# ---------------------------------------------------------------------------------------------------
# The Acme Scribe contract.
#
# Each element is (kind, text) or (kind, payload). Kinds:
#   title, subtitle   document title lines
#   p                 plain justified paragraph
#   h1u               Heading1 without a number (numId 0)
#   h1                Heading1, automatically numbered "%1."
#   h2                Heading2, automatically numbered "%1.%2" (heading on its own line)
#   s                 body paragraph numbered "%1.%2" (run-in caption in **bold**)
#   a                 body paragraph numbered "(%3)"
#   i                 body paragraph numbered "(%4)"
#   body              unnumbered body paragraph indented under a Heading2
#   table             list of rows (first row is the header)
#   sig               signature block line (no justification, no spacing after)
#   gap               empty paragraph
# Inline markup: **bold**, {+inserted+}, {-deleted-}, [^N] footnote reference.
# ---------------------------------------------------------------------------------------------------

FOOTNOTES = {
    1: "The Security Rule is codified at 45 C.F.R. Part 164, Subpart C. A reference in this Agreement to a "
       "section of the Code of Federal Regulations means that section as amended and in effect when the "
       "reference is applied.",
}

ACME = [
    ("title", "BUSINESS ASSOCIATE AGREEMENT"),
    ("subtitle", "Including Artificial Intelligence Data Use Terms"),
    ("p", "This Business Associate Agreement (this “**Agreement**”) is made as of March 1, 2025 (the "
          "“**Effective Date**”) by and between Riverbend Health System, an Ohio nonprofit corporation, acting "
          "for itself and the hospitals and clinics it controls (“**Covered Entity**”), and Acme Scribe AI, "
          "Inc., a Delaware corporation (“**Business Associate**”). Covered Entity and Business Associate "
          "are each called a “**Party**” and together the “**Parties**.”"),
    ("h1u", "Recitals"),
    ("p", "A. Covered Entity and Business Associate have signed a Master Subscription and Services Agreement "
          "dated February 14, 2025 (the “**Services Agreement**”). Under it, Business Associate supplies an "
          "ambient clinical documentation service that listens to patient visits with the patient’s "
          "permission, turns the conversation into a transcript and prepares a draft clinical note for the "
          "treating clinician to review, edit and sign (the “**Services**”)."),
    ("p", "B. To deliver the Services, Business Associate will create, receive, maintain and transmit "
          "Protected Health Information for Covered Entity, and the Parties want to record the conditions "
          "under which it may do so, as HIPAA requires of a business associate."),
    ("p", "C. The Services depend on speech recognition and generative language models, some of them run by "
          "other companies, and Covered Entity wants firm commitments about how its data moves through "
          "those systems and what happens to it afterwards."),
    ("p", "NOW, THEREFORE, in consideration of the promises in this Agreement and other good and valuable "
          "consideration, the receipt and sufficiency of which each Party acknowledges, the Parties agree "
          "as follows:"),

    ("h1", "Definitions"),
    ("s", "**General.** A capitalized term that this Agreement uses without defining it carries the meaning "
          "HIPAA gives it, such as Breach, Discovery, Designated Record Set, Individual, Secretary, "
          "Security Incident, Required by Law, Subcontractor and Unsecured Protected Health Information."),
    ("s", "**HIPAA.** “**HIPAA**” means the Health Insurance Portability and Accountability Act of 1996 and "
          "the HITECH Act, together with their implementing regulations at 45 C.F.R. Parts 160 and 164, "
          "including the Privacy Rule, the Security Rule[^1] and the Breach Notification Rule, each as "
          "amended from time to time."),
    ("s", "**Protected Health Information.** “**Protected Health Information**” or “**PHI**” has the "
          "meaning in 45 C.F.R. § 160.103, limited to information that Business Associate creates, receives, "
          "maintains or transmits for Covered Entity. PHI includes electronic PHI, audio captured during "
          "patient visits, transcripts and draft notes."),
    ("s", "**AI System.** “**AI System**” means software that applies machine learning, speech "
          "recognition, a large language model or another artificial intelligence method to data, "
          "together with its models and model weights, prompts, inference endpoints, embeddings, vector "
          "stores, logs and outputs."),
    ("s", "**Customer Data.** “**Customer Data**” means all data that Covered Entity, its workforce or its "
          "patients submit to the Services, including PHI, and all Outputs."),
    ("s", "**Outputs.** “**Outputs**” means the transcripts, summaries, draft notes, suggested codes and "
          "other content that an AI System produces from Customer Data."),
    ("s", "**Subprocessor.** “**Subprocessor**” means a Subcontractor or other third party that "
          "Business Associate engages to handle Customer Data, including a company that hosts, serves or "
          "operates an AI System used in the Services."),
    ("s", "**De-identified Data.** “**De-identified Data**” means health information de-identified under "
          "45 C.F.R. § 164.514(b)."),

    ("h1", "Permitted Uses and Disclosures"),
    ("s", "**Services.** Business Associate may use and disclose PHI only as needed to perform the Services "
          "for Covered Entity under the Services Agreement and this Agreement, and as Required by Law."),
    ("s", "**Limits.** Business Associate shall not use or further disclose PHI other than as this Agreement "
          "permits or requires or as Required by Law, and shall not use or disclose PHI in a way that would "
          "breach Subpart E of 45 C.F.R. Part 164 if Covered Entity did the same."),
    ("s", "**Management and Administration.** Business Associate may use PHI for its own proper management "
          "and administration and to meet its legal responsibilities. It may disclose PHI for those "
          "purposes only when:"),
    ("a", "the law requires the disclosure; or"),
    ("a", "before disclosing, Business Associate obtains reasonable written assurances from the recipient "
          "that it will keep the PHI confidential, use or pass it on only as Required by Law or for the "
          "purpose for which Business Associate disclosed it, and tell Business Associate of any occasion "
          "it knows of on which the confidentiality of the PHI was compromised."),
    ("s", "**Minimum Necessary.** Business Associate shall request, use and disclose no more PHI than is "
          "reasonably needed for the purpose at hand."),
    ("s", "**De-identification.** Business Associate may de-identify PHI under 45 C.F.R. § 164.514(b). "
          "Once de-identified, the data is no longer PHI, and Section 5.2 governs its use in AI Systems."),

    ("h1", "Obligations of Business Associate"),
    ("s", "**Safeguards.** Business Associate shall maintain appropriate administrative, physical and "
          "technical safeguards to keep PHI from any use or disclosure this Agreement does not allow, and "
          "shall comply with Subpart C of 45 C.F.R. Part 164 for electronic PHI."),
    ("s", "**Reporting.** Business Associate shall report to Covered Entity in writing:"),
    ("a", "any use or disclosure of PHI that this Agreement does not provide for, promptly after it "
          "becomes aware of it;"),
    ("a", "any Breach of Unsecured PHI, as 45 C.F.R. § 164.410 requires, without unreasonable delay and "
          "no later than {-thirty (30) calendar days-}{+ten (10) business days+} after Discovery; and"),
    ("a", "any Security Incident it learns of. This Section serves as notice of, and no further "
          "report is owed for, unsuccessful attempts such as pings, port scans and "
          "refused log-ins that do not lead to unauthorized access to PHI."),
    ("s", "**Content of Breach Reports.** A report under Section 3.2(b) shall name each Individual whose "
          "Unsecured PHI was, or is reasonably believed to have been, accessed, acquired, used or "
          "disclosed, and shall give the other facts Covered Entity needs to notify Individuals under "
          "45 C.F.R. § 164.404(c). Business Associate shall add to the report as further facts emerge."),
    ("s", "**Mitigation.** Business Associate shall lessen, as far as practicable, any harmful effect known "
          "to it of a use or disclosure of PHI that breaches this Agreement."),
    ("s", "**Subcontractors.** As 45 C.F.R. §§ 164.502(e)(1)(ii) and 164.308(b)(2) require, Business "
          "Associate shall ensure that every Subcontractor that creates, receives, maintains or transmits "
          "PHI for it agrees in writing to the same restrictions, conditions and requirements that this "
          "Agreement places on Business Associate."),
    ("s", "**Access.** Within fifteen (15) days after Covered Entity asks, Business Associate shall make "
          "PHI held in a Designated Record Set available to Covered Entity, or to an Individual as Covered "
          "Entity directs, so that Covered Entity can meet its obligations under 45 C.F.R. § 164.524."),
    ("s", "**Amendment.** Within fifteen (15) days after Covered Entity asks, Business Associate shall make "
          "any amendment to PHI in a Designated Record Set that Covered Entity directs or agrees to under "
          "45 C.F.R. § 164.526, and shall otherwise help Covered Entity meet its obligations under that "
          "section."),
    ("s", "**Accounting of Disclosures.** Business Associate shall keep a record of its disclosures of PHI "
          "and the information about them that 45 C.F.R. § 164.528 calls for, and shall give that "
          "information to Covered Entity within twenty (20) days after a request so that Covered Entity "
          "can answer an Individual’s request for an accounting."),
    ("s", "**Delegated Obligations.** Where Business Associate carries out an obligation of Covered Entity "
          "under Subpart E of 45 C.F.R. Part 164, it shall meet the requirements of Subpart E that apply to "
          "Covered Entity in carrying out that obligation."),
    ("s", "**Books and Records.** Business Associate shall make available to the Secretary its internal "
          "practices, books and records that concern the use and disclosure of PHI, so that the Secretary can "
          "determine whether Covered Entity and Business Associate comply with HIPAA."),

    ("h1", "Obligations of Covered Entity"),
    ("s", "**Notice of Privacy Practices.** Covered Entity shall tell Business Associate of any limitation "
          "in its notice of privacy practices under 45 C.F.R. § 164.520 that may affect how Business "
          "Associate uses or discloses PHI."),
    ("s", "**Changes and Restrictions.** Covered Entity shall tell Business Associate of any change in, or "
          "withdrawal of, an Individual’s permission to use or disclose PHI, and of any restriction it has "
          "agreed to under 45 C.F.R. § 164.522, to the extent the change or restriction may affect Business "
          "Associate."),
    ("s", "**Permissible Requests.** Covered Entity shall not ask Business Associate to use or disclose PHI "
          "in a way that Subpart E of 45 C.F.R. Part 164 would not allow Covered Entity itself to use or "
          "disclose it."),

    ("h1", "Artificial Intelligence and Data Use"),
    ("h2", "No Training on Customer Data"),
    ("body", "Business Associate shall not use Customer Data, including PHI, audio, prompts, transcripts and "
             "Outputs, to train, tune, retrain or in any other way improve an AI System, whether Business "
             "Associate or a Subprocessor operates it, except as Section 5.2 expressly allows. Business "
             "Associate shall obtain from each Subprocessor that operates an AI System used in the Services "
             "a written commitment that it will neither keep Customer Data longer than needed to return a "
             "response nor use Customer Data to train or improve its models."),
    ("h2", "De-identified Data"),
    ("body", "Notwithstanding Section 5.1, Business Associate may use De-identified Data derived from "
             "Customer Data to train, evaluate and improve the AI Systems used in the Services and in its "
             "other products, provided that it makes no attempt to re-identify any Individual and does not "
             "sell the De-identified Data to any third party."),
    ("h2", "Subprocessors"),
    ("body", "Business Associate shall:"),
    ("a", "bind each Subprocessor by written contract to restrictions and conditions on the use and "
          "disclosure of Customer Data that are at least as protective as those in this Agreement;"),
    ("a", "keep a current list of its Subprocessors, which on the Effective Date is the list in "
          "Exhibit A, and give it to Covered Entity on request; and"),
    ("a", "give Covered Entity at least fifteen (15) days’ prior written notice before it engages a new "
          "Subprocessor or lets an existing one handle Customer Data for a new purpose. If Covered Entity "
          "objects in writing on reasonable data protection grounds within that period:"),
    ("i", "the Parties shall discuss the objection in good faith; and"),
    ("i", "if they cannot resolve it within thirty (30) days, Covered Entity may terminate the affected "
          "Services without penalty and receive a refund of prepaid fees for the unused term."),
    ("body", "Business Associate is responsible for the acts and omissions of its Subprocessors as if they "
             "were its own."),
    ("h2", "AI Security Incidents"),
    ("body", "Business Associate shall notify Covered Entity in writing within seventy-two (72) hours after "
             "it discovers any Security Incident affecting an AI System used in the Services, such as "
             "unauthorized access to prompts, transcripts, Outputs, logs, embeddings or vector stores; "
             "exposure of model weights trained or tuned for Covered Entity; a prompt injection that causes "
             "Customer Data to be disclosed; or a model inversion or extraction attack. The notice shall "
             "describe what happened, the Customer Data involved and the steps taken to contain it, and "
             "Business Associate shall update it as it learns more. This Section does not shorten or extend "
             "the time allowed for reporting a Breach of Unsecured PHI under Section 3.2(b)."),
    ("h2", "Audit and Inspection"),
    ("body", "Covered Entity, or an independent auditor it appoints under a duty of confidentiality, may "
             "audit Business Associate’s compliance with this Agreement, including the records, systems, "
             "facilities, AI Systems and logs used to handle Customer Data. Covered Entity may do so once in "
             "any twelve (12) month period on thirty (30) days’ written notice and, in addition, within "
             "thirty (30) days after any Security Incident or Breach that affects Customer Data. Business "
             "Associate shall cooperate with the audit and shall also provide its latest SOC 2 Type II "
             "report on request. Each Party bears its own audit costs, except that Business Associate "
             "shall reimburse Covered Entity’s reasonable costs of an audit that reveals a material failure "
             "to comply."),
    ("h2", "Data Residency"),
    ("body", "Business Associate shall store, process and access Customer Data, including backups, model "
             "hosting and inference, only within the United States, and shall impose the same limit on "
             "each Subprocessor. Business Associate shall not move Customer Data out of the United States "
             "without Covered Entity’s prior written consent."),
    ("h2", "Audio Retention"),
    ("body", "Unless Covered Entity directs otherwise in writing, Business Associate shall delete the audio "
             "of each patient visit within thirty (30) days after the clinician signs the related note."),
    ("h2", "Clinical Review"),
    ("body", "Outputs are drafts prepared for review by a licensed clinician. Covered Entity remains "
             "responsible for clinical decisions and for reviewing each Output before it becomes part of a "
             "medical record, and Business Associate does not warrant that Outputs are complete or free of "
             "error."),

    ("h1", "Term and Termination"),
    ("s", "**Term.** This Agreement begins on the Effective Date and continues until the Services Agreement "
          "ends and all PHI has been returned or destroyed under Section 6.3."),
    ("s", "**Termination for Cause.** If Covered Entity determines that Business Associate has violated a "
          "material term of this Agreement, Covered Entity may terminate this Agreement and the Services "
          "Agreement by written notice if Business Associate does not cure the violation within thirty "
          "(30) days after receiving notice of it, or at once if a cure is not possible."),
    ("s", "**Return or Destruction.** When this Agreement ends for any reason, Business Associate shall, as "
          "Covered Entity chooses, return to Covered Entity or destroy all PHI, including PHI held by its "
          "Subprocessors and PHI contained in embeddings, vector stores, caches and logs, and shall keep no "
          "copies. Within ten (10) days after destruction, an officer of Business Associate shall certify "
          "it in writing."),
    ("s", "**Infeasibility.** If returning or destroying PHI is not feasible, Business Associate shall tell "
          "Covered Entity why, shall extend the protections of this Agreement to the PHI it keeps, and "
          "shall limit any further use or disclosure of that PHI to the purposes for which return or "
          "destruction is not feasible, for as long as it keeps the PHI."),
    ("s", "**Survival.** Sections 5.1, 5.2, 6.3 and 6.4 and Article 7 survive the end of this Agreement."),

    ("h1", "Indemnification and Liability"),
    ("s", "**Indemnification.** Business Associate shall defend, indemnify and hold harmless Covered Entity "
          "and its trustees, officers, employees and agents against all claims, losses, liabilities, "
          "damages, costs and expenses (including reasonable attorneys’ fees), regulatory fines and "
          "penalties, and the costs of breach notification, credit monitoring and mitigation, to the "
          "extent they arise from (a) a breach of this Agreement by Business Associate or any "
          "Subprocessor, (b) a violation of HIPAA by Business Associate or any Subprocessor, or (c) a "
          "Security Incident or Breach involving Customer Data in the possession or control of Business "
          "Associate or any Subprocessor."),
    ("s", "**Procedure.** Covered Entity shall give Business Associate prompt notice of any claim for which "
          "it seeks indemnity, allow Business Associate to control the defense with counsel reasonably "
          "acceptable to Covered Entity, and cooperate at Business Associate’s expense. Business Associate "
          "shall not settle a claim in a way that admits fault on Covered Entity’s part without Covered "
          "Entity’s written consent."),
    ("s", "**Relationship to Limitation of Liability.** Business Associate’s obligations under Section 7.1, "
          "and its liability for breach of Sections 3.1, 3.2, 5.1 and 5.6, are not subject to any "
          "limitation or exclusion of liability in the Services Agreement."),
    ("s", "**Insurance.** Throughout the term, Business Associate shall carry cyber liability insurance "
          "with limits of at least five million dollars ($5,000,000) per claim, covering privacy "
          "breaches, network security failures and breach response costs."),

    ("h1", "Miscellaneous"),
    ("s", "**Regulatory References.** A reference to a section of HIPAA means that section as in effect or "
          "as amended."),
    ("s", "**Amendment.** The Parties shall amend this Agreement as needed for either of them to comply "
          "with a change in HIPAA. No other amendment is effective unless it is in writing and signed by "
          "both Parties."),
    ("s", "**Interpretation.** Any ambiguity in this Agreement shall be resolved in favor of a meaning "
          "that permits compliance with HIPAA."),
    ("s", "**Order of Precedence.** If this Agreement and the Services Agreement conflict, this Agreement "
          "controls as to PHI and Customer Data."),
    ("s", "**No Third-Party Beneficiaries.** Nothing in this Agreement gives any person other than the "
          "Parties any right or remedy."),
    ("s", "**Notices.** Notices under this Agreement shall be in writing and sent to Covered Entity at "
          "Riverbend Health System, Attention: Chief Privacy Officer, 400 Riverbend Parkway, Dayton, Ohio "
          "45402 (privacy@riverbend-health.example), and to Business Associate at Acme Scribe AI, Inc., "
          "Attention: Legal Department, 1200 Harbor Street, Suite 500, San Francisco, California 94105 "
          "(legal@acmescribe.example)."),
    ("s", "**Governing Law.** The laws of the State of Ohio govern this Agreement, except where federal law "
          "applies."),
    ("s", "**Counterparts.** The Parties may sign this Agreement in counterparts and by electronic "
          "signature, each of which is an original and all of which together are one agreement."),
    ("p", "IN WITNESS WHEREOF, the Parties have signed this Agreement as of the Effective Date."),
    ("gap", ""),
    ("sig", "**RIVERBEND HEALTH SYSTEM**"),
    ("sig", "By: ______________________________"),
    ("sig", "Name: Margaret A. Lindqvist"),
    ("sig", "Title: Chief Privacy and Compliance Officer"),
    ("sig", "Date: ____________________"),
    ("gap", ""),
    ("sig", "**ACME SCRIBE AI, INC.**"),
    ("sig", "By: ______________________________"),
    ("sig", "Name: Daniel K. Osei"),
    ("sig", "Title: Chief Executive Officer"),
    ("sig", "Date: ____________________"),

    ("h1u_break", "Exhibit A – Approved Subprocessors"),
    ("p", "Business Associate uses the following Subprocessors on the Effective Date. Each is bound as "
          "Section 5.3 requires and handles Customer Data only in the locations shown."),
    ("table", [
        ["Subprocessor", "Function", "Customer Data handled", "Location"],
        ["Northstar Cloud Services, Inc.", "Hosting, storage and backups", "All Customer Data",
         "Ohio and Virginia, United States"],
        ["Cadence Speech Labs, LLC", "Speech recognition", "Visit audio and transcripts", "Oregon, United States"],
        ["Tessellate Models, Inc.", "Language model inference for note drafting (zero retention)",
         "Transcripts, prompts and Outputs", "Virginia, United States"],
        ["Brightline Support Desk, Inc.", "Customer support ticketing", "Support tickets (no PHI expected)",
         "Texas, United States"],
    ]),
]

# Expected review results, with tracked changes accepted (the clause numbers are the ones Word shows).
ACME_LABELS = {
    "hipaa.permitted-uses": {"status": "met", "clause": "2.2", "clauses": ["2.1", "2.2"]},
    "hipaa.safeguards": {"status": "met", "clause": "3.1", "clauses": ["3.1"]},
    "hipaa.reporting": {"status": "met", "clause": "3.2", "clauses": ["3.2"]},
    "hipaa.subcontractors": {"status": "met", "clause": "3.5", "clauses": ["3.5", "5.3"]},
    "hipaa.access": {"status": "met", "clause": "3.6", "clauses": ["3.6"]},
    "hipaa.amendment": {"status": "met", "clause": "3.7", "clauses": ["3.7"]},
    "hipaa.accounting": {"status": "met", "clause": "3.8", "clauses": ["3.8"]},
    "hipaa.hhs-books-records": {"status": "met", "clause": "3.10", "clauses": ["3.10"]},
    "hipaa.return-destroy": {"status": "met", "clause": "6.3", "clauses": ["6.3", "6.4"]},
    "hipaa.termination": {"status": "met", "clause": "6.2", "clauses": ["6.2"]},
    "ai.training-opt-out": {"status": "partial", "clause": "5.2", "clauses": ["5.1", "5.2"],
                            "why": "de-identified data may be used for training without Covered Entity's consent"},
    "ai.subprocessors": {"status": "partial", "clause": "5.3", "clauses": ["5.3"],
                         "why": "flow-down and list are there, but new-subprocessor notice is 15 days (policy 30)"},
    "ai.breach-notification": {"status": "partial", "clause": "3.2", "clauses": ["3.2", "5.4"],
                               "params": {"notice_hours": 336},
                               "why": "AI incidents in 72 hours, but a Breach of Unsecured PHI only within "
                                      "10 business days (tracked change from 30 calendar days)"},
    "ai.audit-rights": {"status": "met", "clause": "5.5", "clauses": ["5.5"]},
    "ai.data-residency": {"status": "met", "clause": "5.6", "clauses": ["5.6"], "params": {"regions": ["US"]}},
    "ai.indemnification": {"status": "met", "clause": "7.1", "clauses": ["7.1", "7.3"]},
}

# ---------------------------------------------------------------------------------------------------
# The Bluepeak addendum (Markdown, ARTICLE I / Section 1.01 numbering, typed).
# ---------------------------------------------------------------------------------------------------

BLUEPEAK_MD = """\
# AI Data Use Addendum

**Bluepeak Chat Technologies, LLC** and **Lakemont Family Clinics, P.A.**

This AI Data Use Addendum (the "**Addendum**") takes effect on April 15, 2025 and supplements the
Business Associate Agreement dated January 6, 2025 (the "**BAA**") between Lakemont Family Clinics,
P.A., a Vermont professional association ("**Client**"), and Bluepeak Chat Technologies, LLC, a
Colorado limited liability company ("**Vendor**"). Vendor provides Client with a patient messaging
assistant that answers scheduling and refill questions and routes clinical questions to Client's
staff (the "**Platform**").

## ARTICLE I — DEFINITIONS

**Section 1.01 Incorporation.** Terms defined in the BAA have the same meaning in this Addendum.
Where this Addendum and the BAA conflict on a matter covered by this Addendum, this Addendum
controls.

**Section 1.02 Client Data.** "**Client Data**" means the messages, attachments and account details
that Client's patients and staff send through the Platform, including any Protected Health
Information in them, and the replies the Platform generates.

**Section 1.03 Model Provider.** "**Model Provider**" means a third party whose hosted language model
the Platform calls to draft replies.

## ARTICLE II — DATA USE

**Section 2.01 Product Improvement.** Vendor may use Client Data, including Protected Health
Information contained in patient messages, to train, tune and evaluate the machine learning models
that power the Platform, and may keep Client Data for that purpose for as long as the models are
in service.

**Section 2.02 Model Providers and Other Subprocessors.** Vendor may engage, replace or remove
subprocessors, including Model Providers, at its sole discretion and without notice to Client.
Vendor will require each subprocessor that receives Protected Health Information to sign a
business associate agreement with Vendor.

**Section 2.03 Location of Data.** Vendor stores Client Data at rest in data centers located in the
United States. Vendor, its support staff and its subprocessors may process and access Client Data
from other countries where they operate, including to generate replies.

## ARTICLE III — SECURITY AND ASSURANCE

**Section 3.01 Breach Notice.** Vendor shall notify Client of any Breach of Unsecured Protected
Health Information within forty-eight (48) hours after Discovery. The notice shall include:

(a) a description of the Breach and the date on which Vendor discovered it;

(b) the categories of information involved; and

(c) the measures Vendor has taken to contain the Breach.

**Section 3.02 Assurance Reports.** Upon Client's written request, made no more than once per
calendar year, Vendor will provide a copy of its most recent SOC 2 Type II report or an
equivalent third-party assessment.

## ARTICLE IV — LIABILITY

**Section 4.01 Indemnity.** Vendor shall indemnify Client against third-party claims to the extent
they arise from Vendor's breach of this Addendum or the BAA.

**Section 4.02 Cap.** Vendor's total liability under this Addendum, including under Section 4.01,
shall not exceed the fees Client paid to Vendor in the twelve (12) months before the claim arose.

## ARTICLE V — GENERAL

**Section 5.01 Term.** This Addendum remains in force for as long as the BAA does.

**Section 5.02 Counterparts.** The parties may sign this Addendum electronically and in counterparts.

| Party | Signed by | Title |
|---|---|---|
| Lakemont Family Clinics, P.A. | Rosa Delgado-Whitcomb | Practice Administrator |
| Bluepeak Chat Technologies, LLC | Tobias Fenn | Chief Operating Officer |
"""

BLUEPEAK_LABELS = {
    "ai.training-opt-out": {"status": "conflict", "clause": "2.01", "clauses": ["2.01"]},
    "ai.subprocessors": {"status": "conflict", "clause": "2.02", "clauses": ["2.02"]},
    "ai.data-residency": {"status": "partial", "clause": "2.03", "clauses": ["2.03"],
                          "why": "only storage at rest is limited to the US; processing and access may occur abroad"},
    "ai.breach-notification": {"status": "partial", "clause": "3.01", "clauses": ["3.01"],
                               "params": {"notice_hours": 48},
                               "why": "deadline within policy, but plain Breach of Unsecured PHI scope"},
    "ai.audit-rights": {"status": "partial", "clause": "3.02", "clauses": ["3.02"],
                        "why": "third-party reports on request only"},
    "ai.indemnification": {"status": "partial", "clause": "4.01", "clauses": ["4.01", "4.02"],
                           "why": "indemnity under the general cap"},
}

# ---------------------------------------------------------------------------------------------------
# Inline markup
# ---------------------------------------------------------------------------------------------------

TOKEN = re.compile(r"(\*\*.+?\*\*|\{\+.+?\+\}|\{-.+?-\}|\[\^\d+\])")


def tokens(text):
    """Split inline markup into (kind, text) with kind in plain, bold, ins, del, fn."""
    out = []
    for part in TOKEN.split(text):
        if not part:
            continue
        if part.startswith("**"):
            out.append(("bold", part[2:-2]))
        elif part.startswith("{+"):
            out.append(("ins", part[2:-2]))
        elif part.startswith("{-"):
            out.append(("del", part[2:-2]))
        elif part.startswith("[^"):
            out.append(("fn", part[2:-1]))
        else:
            out.append(("plain", part))
    return out


def plain(text, footnote_marks=True):
    """The text as it reads with tracked changes accepted."""
    s = []
    for kind, t in tokens(text):
        if kind == "del":
            continue
        if kind == "fn":
            if footnote_marks:
                s.append(f"[{t}]")
            continue
        s.append(t)
    return "".join(s)


# ---------------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def t_el(text, tag="w:t"):
    attr = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<{tag}{attr}>{escape(text)}</{tag}>"


class RevIds:
    def __init__(self):
        self.n = 100

    def next(self):
        self.n += 1
        return self.n


def runs_xml(text, rev, accept, base_bold=False):
    out = []
    for kind, t in tokens(text):
        rpr_bold = "<w:b/>" if (kind == "bold" or base_bold) else ""
        rpr = f"<w:rPr>{rpr_bold}</w:rPr>" if rpr_bold else ""
        if kind in ("plain", "bold"):
            out.append(f"<w:r>{rpr}{t_el(t)}</w:r>")
        elif kind == "ins":
            if accept:
                out.append(f"<w:r>{rpr}{t_el(t)}</w:r>")
            else:
                out.append(f'<w:ins w:id="{rev.next()}" w:author="{escape(INS_AUTHOR)}" w:date="{INS_DATE}">'
                           f"<w:r>{rpr}{t_el(t)}</w:r></w:ins>")
        elif kind == "del":
            if not accept:
                out.append(f'<w:del w:id="{rev.next()}" w:author="{escape(DEL_AUTHOR)}" w:date="{DEL_DATE}">'
                           f"<w:r>{rpr}{t_el(t, 'w:delText')}</w:r></w:del>")
        elif kind == "fn":
            out.append(f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                       f'<w:footnoteReference w:id="{t}"/></w:r>')
    return "".join(out)


def para_xml(kind, text, rev, accept):
    numpr = lambda lvl: f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr>'
    no_num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
    ppr = {
        "title": '<w:pStyle w:val="Title"/>',
        "subtitle": '<w:pStyle w:val="Subtitle"/>',
        "p": '<w:pStyle w:val="BodyText"/>',
        "h1": '<w:pStyle w:val="Heading1"/>',
        "h1u": f'<w:pStyle w:val="Heading1"/>{no_num}<w:ind w:left="0" w:firstLine="0"/><w:jc w:val="center"/>',
        "h1u_break": (f'<w:pStyle w:val="Heading1"/><w:pageBreakBefore/>{no_num}'
                      '<w:ind w:left="0" w:firstLine="0"/><w:jc w:val="center"/>'),
        "h2": '<w:pStyle w:val="Heading2"/>',
        "s": f'<w:pStyle w:val="BodyText"/>{numpr(1)}',
        "a": f'<w:pStyle w:val="BodyText"/>{numpr(2)}',
        "i": f'<w:pStyle w:val="BodyText"/>{numpr(3)}',
        "body": '<w:pStyle w:val="BodyText"/><w:ind w:left="720"/>',
        "sig": '<w:pStyle w:val="Signature"/>',
        "gap": '<w:pStyle w:val="BodyText"/>',
    }[kind]
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs_xml(text, rev, accept)}</w:p>"


def table_xml(rows):
    widths = [2600, 2500, 2300, 1960]
    border = ('<w:tblBorders>' + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")) + '</w:tblBorders>')
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{border}'
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/>'
           '<w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>',
           "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
    for r, row in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""
        cells = []
        for w, cell in zip(widths, row):
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if r == 0 else ""
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shade}</w:tcPr>'
                         f'<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>'
                         f'{runs_xml(cell, None, True, base_bold=(r == 0))}</w:p></w:tc>')
        out.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(elements, accept):
    rev = RevIds()
    body = []
    for kind, payload in elements:
        if kind == "table":
            body.append(table_xml(payload))
        else:
            body.append(para_xml(kind, payload, rev, accept))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId5"/>'
            '<w:footerReference w:type="default" r:id="rId6"/>'
            '<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
            '<w:pgSz w:w="12240" w:h="15840"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" '
            'w:footer="720" w:gutter="0"/><w:cols w:space="720"/></w:sectPr>')
    return f"{XML_DECL}<w:document {W_NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"


STYLES = f"""{XML_DECL}<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Subtitle"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:spacing w:after="360"/></w:pPr><w:rPr><w:i/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="BodyText"><w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>
"""


def numbering_xml():
    levels = [  # (numFmt, lvlText, left indent, hanging)
        ("decimal", "%1.", 720, 720),
        ("decimal", "%1.%2", 720, 720),
        ("lowerLetter", "(%3)", 1440, 720),
        ("lowerRoman", "(%4)", 2160, 720),
    ]
    lvls = []
    for i, (fmt, text, left, hanging) in enumerate(levels):
        pstyle = {0: '<w:pStyle w:val="Heading1"/>', 1: '<w:pStyle w:val="Heading2"/>'}.get(i, "")
        lvls.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
                    f'<w:suff w:val="tab"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
                    f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>')
    return (f'{XML_DECL}<w:numbering {W_NS}>'
            f'<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A3C1E07"/><w:multiLevelType w:val="multilevel"/>'
            f'<w:tmpl w:val="0409001D"/>{"".join(lvls)}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>\n')


SETTINGS = f"""{XML_DECL}<w:settings {W_NS}><w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="720"/><w:autoHyphenation/><w:hyphenationZone w:val="357"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US"/></w:settings>
"""

HEADER = (f'{XML_DECL}<w:hdr {W_NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>'
          f'<w:r>{t_el(HEADER_TEXT)}</w:r></w:p></w:hdr>\n')


def field(instr, shown):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


FOOTER = (f'{XML_DECL}<w:ftr {W_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:t xml:space="preserve">Page </w:t></w:r>' + field("PAGE", "1") +
          '<w:r><w:t xml:space="preserve"> of </w:t></w:r>' + field("NUMPAGES", "7") + '</w:p></w:ftr>\n')


def footnotes_xml():
    sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
           'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r>{t_el(" " + text)}</w:r></w:p></w:footnote>'
        for n, text in sorted(FOOTNOTES.items()))
    return f"{XML_DECL}<w:footnotes {W_NS}>{sep}{notes}</w:footnotes>\n"


CONTENT_TYPES = f"""{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{CT}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{CT}.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="{CT}.settings+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/>
<Override PartName="/word/header1.xml" ContentType="{CT}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{CT}.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"""

ROOT_RELS = f"""{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"""

DOC_RELS = f"""{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{REL}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId5" Type="{REL}/header" Target="header1.xml"/>
<Relationship Id="rId6" Type="{REL}/footer" Target="footer1.xml"/>
</Relationships>
"""

CORE = f"""{XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Business Associate Agreement - Riverbend Health System and Acme Scribe AI, Inc.</dc:title>
<dc:creator>Riverbend Legal</dc:creator><cp:lastModifiedBy>Jordan Reyes</cp:lastModifiedBy><cp:revision>7</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-10T16:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_ISO}</dcterms:modified>
</cp:coreProperties>
"""

APP = f"""{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Riverbend Health System</Company></Properties>
"""


def write_docx(path, elements, accept):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("word/document.xml", document_xml(elements, accept)),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", numbering_xml()),
        ("word/settings.xml", SETTINGS),
        ("word/footnotes.xml", footnotes_xml()),
        ("word/header1.xml", HEADER),
        ("word/footer1.xml", FOOTER),
    ]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8"))


# ---------------------------------------------------------------------------------------------------
# Plain text with typed numbers
# ---------------------------------------------------------------------------------------------------

def roman(n):
    out = ""
    for v, s in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + s, n - v
    return out


def write_txt(path, elements, width=78):
    lines = []
    counters = [0, 0, 0, 0]

    def number(level):
        counters[level] += 1
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
        return [f"{counters[0]}.", f"{counters[0]}.{counters[1]}", f"({chr(96 + counters[2])})",
                f"({roman(counters[3])})"][level]

    def emit(text, indent=0, hang=0):
        wrapped = textwrap.wrap(text, width=width, initial_indent=" " * indent,
                                subsequent_indent=" " * (indent + hang), break_long_words=False,
                                break_on_hyphens=False)
        lines.extend(wrapped)
        lines.append("")

    for kind, payload in elements:
        if kind == "table":
            for row in payload:
                lines.append(" | ".join(row))
            lines.append("")
            continue
        text = plain(payload).replace("**", "")
        if kind not in ("sig", "subtitle") and lines and lines[-1] != "":
            lines.append("")
        if kind in ("title", "subtitle"):
            lines.append(text)
            if kind == "subtitle":
                lines.append("")
        elif kind == "h1":
            emit(f"{number(0)} {text}")
        elif kind in ("h1u", "h1u_break"):
            emit(text)
        elif kind == "h2":
            emit(f"{number(1)} {text}")
        elif kind == "s":
            emit(f"{number(1)} {text}")
        elif kind == "a":
            emit(f"{number(2)} {text}", indent=4, hang=4)
        elif kind == "i":
            emit(f"{number(3)} {text}", indent=8, hang=5)
        elif kind == "body":
            emit(text)
        elif kind == "sig":
            lines.append(text)
        elif kind == "gap":
            lines.append("")
        else:
            emit(text)
    lines.append("_" * 20)
    lines.append("")
    for n, note in sorted(FOOTNOTES.items()):
        emit(f"[{n}] {note}")
    while lines and lines[-1] == "":
        lines.pop()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------------

def write_pdf(path, elements):
    """Print the contract with tracked changes accepted through LibreOffice, then pin the dates and ID."""
    if not shutil.which("soffice"):
        sys.exit("make-samples: soffice (LibreOffice) is needed for the PDF; install libreoffice-writer "
                 "or run with --no-pdf")
    stem = os.path.splitext(os.path.basename(path))[0]
    with tempfile.TemporaryDirectory(prefix="baa-samples-") as tmp:
        docx = os.path.join(tmp, stem + ".docx")
        write_docx(docx, elements, accept=True)
        profile = os.path.join(tmp, "lo-profile")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, docx],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
        with open(os.path.join(tmp, stem + ".pdf"), "rb") as f:
            data = f.read()
    data = pin_pdf(data)
    with open(path, "wb") as f:
        f.write(data)


def pin_pdf(data):
    """Replace creation dates and the document ID with fixed values of the same length, so that the
    cross-reference offsets stay valid."""
    def same_length(fixed, old):
        return fixed[:len(old)].ljust(len(old), b"0")

    def pdf_date(m):
        old = m.group(2)
        tz = old[16:]
        tz = b"Z" + b" " * (len(tz) - 1) if tz[:1] == b"Z" else (b"+00'00'" + tz[7:] if len(tz) >= 7 else tz)
        return m.group(1) + same_length(FIXED_PDF_DATE[:16], old[:16]) + tz + m.group(3)
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()(D:[0-9]{14}[^)]*)(\))", pdf_date, data)
    data = re.sub(rb"(/ID\s*\[\s*)<([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)>",
                  lambda m: m.group(1) + b"<" + b"0" * len(m.group(2)) + b">" + m.group(3)
                  + b"<" + b"0" * len(m.group(4)) + b">", data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp)",
                  lambda m: m.group(1) + same_length(b"2025-03-01T09:00:00Z", m.group(2)) + m.group(3), data)
    return data


# ---------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples"))
    ap.add_argument("--no-pdf", action="store_true", help="skip the PDF (no LibreOffice needed)")
    a = ap.parse_args()
    out = os.path.normpath(a.out)
    os.makedirs(out, exist_ok=True)

    write_docx(os.path.join(out, "acme-scribe-baa.docx"), ACME, accept=False)
    write_txt(os.path.join(out, "acme-scribe-baa.txt"), ACME)
    with open(os.path.join(out, "bluepeak-chat-addendum.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(BLUEPEAK_MD)
    written = ["acme-scribe-baa.docx", "acme-scribe-baa.txt", "bluepeak-chat-addendum.md"]
    if not a.no_pdf:
        write_pdf(os.path.join(out, "acme-scribe-baa.pdf"), ACME)
        written.append("acme-scribe-baa.pdf")

    acme = {"kind": "baa", "tracked_changes": False, "provisions": ACME_LABELS,
            "names": {"vendor": "Acme Scribe AI, Inc.", "customer": "Riverbend Health System",
                      "BA": "Business Associate", "CE": "Covered Entity"}}
    labels = {
        "acme-scribe-baa-docx": dict(acme, file="acme-scribe-baa.docx", format="docx-auto", style="decimal",
                                     tracked_changes=True),
        "acme-scribe-baa-pdf": dict(acme, file="acme-scribe-baa.pdf", format="pdf-auto", style="decimal"),
        "acme-scribe-baa-txt": dict(acme, file="acme-scribe-baa.txt", format="txt", style="decimal"),
        "bluepeak-chat-addendum": {
            "file": "bluepeak-chat-addendum.md", "format": "md", "style": "article", "kind": "addendum",
            "tracked_changes": False, "provisions": BLUEPEAK_LABELS,
            "names": {"vendor": "Bluepeak Chat Technologies, LLC", "customer": "Lakemont Family Clinics, P.A.",
                      "BA": "Vendor", "CE": "Client"}},
    }
    if not os.path.exists(os.path.join(out, "acme-scribe-baa.pdf")):
        del labels["acme-scribe-baa-pdf"]
    with open(os.path.join(out, "labels.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(labels, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    written.append("labels.json")
    print(f"wrote {', '.join(written)} into {out}")


if __name__ == "__main__":
    main()
