package com.example.dunning.activities.payment;

import com.example.dunning.workflows.activities.FailureTypes;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The dunning's payment activities, answered by the provider recorded on the dunning. */
@Component
@ActivityImpl(taskQueues = DunningIds.TASK_QUEUE)
public class ProviderPaymentActivities implements PaymentActivities {

  private final Map<String, PaymentProvider> providers = new TreeMap<>();

  public ProviderPaymentActivities(List<PaymentProvider> providers) {
    for (PaymentProvider provider : providers) {
      if (this.providers.put(provider.name(), provider) != null) {
        throw new IllegalStateException("two payment providers named " + provider.name());
      }
    }
  }

  @Override
  public PaymentDetails fetchPayment(PaymentRef ref) {
    return provider(ref.provider()).fetchPayment(ref.invoiceId());
  }

  @Override
  public ChargeResult retryCharge(ChargeRequest request) {
    return provider(request.provider()).retryCharge(request);
  }

  private PaymentProvider provider(String name) {
    PaymentProvider provider = name == null ? null : providers.get(name);
    if (provider == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "no payment provider '" + name + "' in this worker; it knows " + providers.keySet(),
          FailureTypes.UNKNOWN_PROVIDER);
    }
    return provider;
  }
}
