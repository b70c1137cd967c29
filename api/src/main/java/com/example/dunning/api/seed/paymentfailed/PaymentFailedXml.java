package com.example.dunning.api.seed.paymentfailed;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Seed 000's XML, as .NET's DataContractSerializer reads and writes it: the request in the {@code
 * Messages.Payment} namespace with its elements in alphabetical order; the answer with the {@code
 * MessageBase} namespace as default, the items under the {@code d2p1} prefix, members in
 * alphabetical (ordinal) order, and a null member as an empty element with {@code i:nil="true"}.
 * Written by hand with StAX, since the prefixes and their placement are part of the contract.
 */
final class PaymentFailedXml {

  static final String PAYMENT_NS =
      "http://schemas.datacontract.org/2004/07/PartyMusic.BusinessObject.Messages.Payment";
  static final String BASE_NS =
      "http://schemas.datacontract.org/2004/07/PartyMusic.BusinessObject.MessageBase";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String REQUEST = "PaymentIntentStatusRequest";
  static final String RESPONSE = "ResponseBaseOfArrayOfPaymentIntentFailedYVxenrm_S";

  private static final XMLInputFactory INPUT = inputFactory();
  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

  private PaymentFailedXml() {}

  /**
   * Reads {@code <PaymentIntentStatusRequest>}; either member may be left out, but those present
   * come in the seed's order, as DataContractSerializer expects.
   */
  static PaymentIntentStatusRequest readRequest(InputStream body) {
    try {
      XMLStreamReader xml = INPUT.createXMLStreamReader(body);
      try {
        xml.nextTag();
        if (!REQUEST.equals(xml.getLocalName()) || !PAYMENT_NS.equals(xml.getNamespaceURI())) {
          throw new InvalidStatusRequest(
              "expected <" + REQUEST + "> in namespace " + PAYMENT_NS + ", found " + name(xml));
        }
        Map<String, Long> members = new LinkedHashMap<>();
        String[] order = {"StatusId", "UserId"};
        int next = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
          String member = xml.getLocalName();
          int at = indexOf(order, member, next);
          if (at < 0 || !PAYMENT_NS.equals(xml.getNamespaceURI())) {
            throw new InvalidStatusRequest(
                "unexpected "
                    + name(xml)
                    + ": <"
                    + REQUEST
                    + "> holds <StatusId> then <UserId>, in that order");
          }
          next = at + 1;
          members.put(member, number(xml, member));
        }
        return new PaymentIntentStatusRequest(members.get("UserId"), members.get("StatusId"));
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new InvalidStatusRequest("malformed XML: " + e.getMessage());
    }
  }

  static void writeResponse(PaymentIntentFailedResponse response, OutputStream out) {
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartElement("", RESPONSE, BASE_NS);
      xml.writeNamespace("i", XSI_NS);
      xml.writeDefaultNamespace(BASE_NS);
      xml.writeStartElement("", "Message", BASE_NS);
      xml.writeNamespace("d2p1", PAYMENT_NS);
      for (PaymentIntentFailed failed : response.message()) {
        xml.writeStartElement("d2p1", "PaymentIntentFailed", PAYMENT_NS);
        member(xml, "AmountDue", failed.amountDue());
        member(xml, "ArtistName", failed.artistName());
        member(xml, "AttemptCount", failed.attemptCount());
        member(xml, "CustomerEmail", failed.customerEmail());
        member(xml, "FailedTimeStamp", failed.failedTimeStamp());
        member(xml, "Id", failed.id());
        member(xml, "InvoiceId", failed.invoiceId());
        member(xml, "PackageExpiryDate", failed.packageExpiryDate());
        member(xml, "PackageID", failed.packageId());
        member(xml, "PaymentIntentId", failed.paymentIntentId());
        member(xml, "PaymentMethodId", failed.paymentMethodId());
        member(xml, "PhoneNumber", failed.phoneNumber());
        member(xml, "ProfileUrl", failed.profileUrl());
        member(xml, "StatusId", failed.statusId());
        member(xml, "StripeCustomerId", failed.stripeCustomerId());
        member(xml, "SubscriptionId", failed.subscriptionId());
        member(xml, "UserId", failed.userId());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeStartElement("", "status", BASE_NS);
      xml.writeCharacters(response.status());
      xml.writeEndElement();
      xml.writeEndElement();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the answer as XML", e);
    }
  }

  /** ASP.NET Web API's {@code HttpError} in XML: no namespace, members in declaration order. */
  static void writeError(HttpError error, OutputStream out) {
    try {
      XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartElement("Error");
      xml.writeStartElement("Message");
      xml.writeCharacters(error.message());
      xml.writeEndElement();
      if (error.messageDetail() != null) {
        xml.writeStartElement("MessageDetail");
        xml.writeCharacters(error.messageDetail());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the error as XML", e);
    }
  }

  private static void member(XMLStreamWriter xml, String name, Object value)
      throws XMLStreamException {
    if (value == null) {
      xml.writeEmptyElement("d2p1", name, PAYMENT_NS);
      xml.writeAttribute("i", XSI_NS, "nil", "true");
      return;
    }
    xml.writeStartElement("d2p1", name, PAYMENT_NS);
    xml.writeCharacters(value.toString());
    xml.writeEndElement();
  }

  private static Long number(XMLStreamReader xml, String member) throws XMLStreamException {
    if ("true".equals(xml.getAttributeValue(XSI_NS, "nil"))) {
      xml.nextTag();
      return null;
    }
    String text = xml.getElementText().trim();
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      throw new InvalidStatusRequest(member + " must be a whole number, not '" + text + "'");
    }
  }

  private static int indexOf(String[] order, String member, int from) {
    for (int i = from; i < order.length; i++) {
      if (order[i].equals(member)) {
        return i;
      }
    }
    return -1;
  }

  private static String name(XMLStreamReader xml) {
    String ns = xml.getNamespaceURI();
    return "<" + xml.getLocalName() + ">" + (ns == null || ns.isEmpty() ? "" : " in " + ns);
  }

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
