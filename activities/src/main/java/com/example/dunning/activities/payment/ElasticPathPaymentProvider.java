package com.example.dunning.activities.payment;

import com.example.dunning.activities.payment.ElasticPathPaymentMapper.Payment;
import com.example.dunning.activities.payment.ProviderHttp.Answer;
import com.example.dunning.workflows.activities.PaymentActivities.ChargeRequest;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Elastic Path subscriptions: the payments of a subscription invoice, read with a
 * client-credentials token. Elastic Path collects the invoice itself; this API cannot charge it.
 */
@Component
@EnableConfigurationProperties(ElasticPathProperties.class)
public class ElasticPathPaymentProvider implements PaymentProvider {

  static final String NAME = "elasticpath";

  private static final Logger log = LoggerFactory.getLogger(ElasticPathPaymentProvider.class);

  private static final String PAYMENTS =
      "/subscriptions/subscriptions/{subscriptionUuid}/invoices/{invoiceUuid}/payments";

  private final ElasticPathProperties properties;
  private final ProviderHttp http;
  private final CredentialAlarm alarm;
  private final ElasticPathTokens tokens;

  @Autowired
  public ElasticPathPaymentProvider(
      ElasticPathProperties properties, RestClient.Builder builder, CredentialRefusals refusals) {
    this(properties, builder, refusals, Clock.systemUTC());
  }

  ElasticPathPaymentProvider(
      ElasticPathProperties properties,
      RestClient.Builder builder,
      CredentialRefusals refusals,
      Clock clock) {
    this.properties = properties;
    this.alarm = new CredentialAlarm(NAME, refusals);
    this.http =
        new ProviderHttp(
            NAME,
            properties.baseUrl(),
            properties.connectTimeout(),
            properties.readTimeout(),
            builder);
    this.tokens = new ElasticPathTokens(http, properties, alarm, clock);
    if (!properties.isConfigured()) {
      log.warn(
          "Elastic Path is not configured (ELASTICPATH_CLIENT_ID and ELASTICPATH_CLIENT_SECRET are"
              + " empty): dunnings of provider {} wait until it is",
          NAME);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PaymentDetails fetchPayment(String invoiceId) {
    ElasticPathInvoiceRef ref = ElasticPathInvoiceRef.parse(invoiceId);
    if (ref == null) {
      throw ProviderFailures.notFound(
          NAME,
          invoiceId,
          "Elastic Path invoices are named <subscription_uuid>_<invoice_uuid>[_<payment_uuid>]");
    }
    if (!properties.isConfigured()) {
      throw ProviderFailures.notConfigured(
          NAME, "ELASTICPATH_CLIENT_ID and ELASTICPATH_CLIENT_SECRET");
    }
    List<Payment> payments = new ArrayList<>();
    for (AnswerFields payment :
        read(invoiceId, PAYMENTS, ref.subscriptionUuid(), ref.invoiceUuid()).array("data")) {
      payments.add(ElasticPathPaymentMapper.read(payment));
    }
    // The list may be paged; the payment the intake named is read by itself if it is not on it.
    if (ref.paymentUuid() != null
        && payments.stream().noneMatch(p -> p.id().equals(ref.paymentUuid()))) {
      AnswerFields named =
          read(
              invoiceId,
              PAYMENTS + "/{paymentUuid}",
              ref.subscriptionUuid(),
              ref.invoiceUuid(),
              ref.paymentUuid());
      payments.add(ElasticPathPaymentMapper.read(named.object("data")));
    }
    return ElasticPathPaymentMapper.toPaymentDetails(invoiceId, payments);
  }

  /** Elastic Path retries the invoice's payment itself; the policy leaves the retries to it. */
  @Override
  public ChargeResult retryCharge(ChargeRequest request) {
    return ProviderFailures.chargeNotSupported(NAME);
  }

  private AnswerFields read(String invoiceId, String path, Object... variables) {
    String token = tokens.token();
    Answer answer = get(path, token, variables);
    if (answer.status() == 401) {
      // A token can be revoked before it expires: one more try with a new one.
      tokens.forget(token);
      answer = get(path, tokens.token(), variables);
    }
    if (answer.status() == 401 || answer.status() == 403) {
      alarm.refused(answer.status(), answer.excerpt());
      throw ProviderFailures.authentication(NAME, answer.status(), answer.excerpt());
    }
    if (answer.status() == 404) {
      throw ProviderFailures.notFound(NAME, invoiceId, answer.excerpt());
    }
    if (!answer.isSuccess()) {
      throw http.failure(answer, "invoice " + invoiceId);
    }
    alarm.accepted();
    return AnswerFields.parse(NAME, answer.body());
  }

  private Answer get(String path, String token, Object... variables) {
    return http.get(path, headers -> headers.setBearerAuth(token), variables);
  }
}
