package com.example.dunning.api.dashboard;

import com.example.dunning.notices.NoticeLanguage;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.notices.SmsSegments;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every notice kind in every language, written for one dunning's recorded invoice, so a business
 * reviews its wording before going live. Rendered here with the same texts and brand settings the
 * worker sends with; what the provider would add at send time (the next attempt's date) is left
 * out.
 */
@Component
public class NoticePreviews {

  /** One notice in one language: the email's subject and HTML, and the SMS with its length. */
  public record Preview(
      NoticeKind kind,
      String subject,
      String html,
      String sms,
      int smsCharacters,
      boolean smsOneSegment) {}

  /** The notices of one language, e.g. {@code nb-NO}, "norsk bokmål (Norge)". */
  public record LanguagePreviews(String tag, String name, List<Preview> notices) {}

  private final JdbcClient jdbc;
  private final NoticeRenderer renderer;

  NoticePreviews(JdbcClient jdbc, NoticeRenderer renderer) {
    this.jdbc = jdbc;
    this.renderer = renderer;
  }

  /** Empty when the dunning has no record. */
  public Optional<List<LanguagePreviews>> of(String dunningId) {
    return payment(dunningId).map(this::everyLanguage);
  }

  List<LanguagePreviews> everyLanguage(PaymentDetails payment) {
    List<LanguagePreviews> all = new ArrayList<>();
    for (NoticeLanguage language : NoticeLanguage.values()) {
      Locale locale = language.homeLocale();
      List<Preview> notices = new ArrayList<>();
      for (NoticeKind kind : NoticeKind.values()) {
        RenderedEmail email = renderer.email(kind, payment, locale);
        String sms = renderer.sms(kind, payment, locale);
        notices.add(
            new Preview(
                kind, email.subject(), email.html(), sms, sms.length(), SmsSegments.fitsOne(sms)));
      }
      all.add(new LanguagePreviews(locale.toLanguageTag(), locale.getDisplayName(locale), notices));
    }
    return all;
  }

  private Optional<PaymentDetails> payment(String dunningId) {
    return jdbc.sql(
            "SELECT provider, invoice_id, amount_due, currency, attempt_count, pay_url,"
                + " customer_id, customer_name, customer_email, phone_number, time_zone,"
                + " subscription_id, plan_id, package_name"
                + " FROM failed_invoice WHERE dunning_id = :id")
        .param("id", dunningId)
        .query(
            (row, n) ->
                new PaymentDetails(
                    row.getString("provider"),
                    row.getString("invoice_id"),
                    InvoiceStatus.OPEN,
                    row.getLong("amount_due"),
                    row.getString("currency"),
                    row.getInt("attempt_count"),
                    null,
                    row.getString("pay_url"),
                    new Customer(
                        row.getString("customer_id"),
                        row.getString("customer_name"),
                        row.getString("customer_email"),
                        row.getString("phone_number"),
                        row.getString("time_zone")),
                    row.getString("subscription_id"),
                    row.getString("plan_id"),
                    row.getString("package_name"),
                    null,
                    null,
                    null,
                    null,
                    false,
                    Map.of()))
        .optional();
  }
}
