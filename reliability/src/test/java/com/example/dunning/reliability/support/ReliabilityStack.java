package com.example.dunning.reliability.support;

import com.example.dunning.dev.DevPorts;
import com.example.dunning.dev.DevStack;
import com.example.dunning.dev.FreePorts;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dev stack (Temporal's test server, embedded PostgreSQL, the Stripe stand-in, the worker and
 * the API) on free ports, with an SMTP server of the test's own so that every message can be
 * counted, and a separate Temporal client, as an operator's tool would be.
 */
public final class ReliabilityStack implements AutoCloseable {

  private final DevPorts ports;
  private final DevStack stack;
  private final GreenMail mail;
  private final WorkflowClient temporal;
  private final JdbcTemplate database;

  private ReliabilityStack(
      DevPorts ports, DevStack stack, GreenMail mail, WorkflowClient temporal) {
    this.ports = ports;
    this.stack = stack;
    this.mail = mail;
    this.temporal = temporal;
    this.database = new JdbcTemplate(stack.worker().getBean(DataSource.class));
  }

  /**
   * @param profile the worker's profile, e.g. {@code storm} reads {@code dunning-worker-storm.yml}
   */
  public static ReliabilityStack start(String profile, String... settings) throws Exception {
    return start(false, profile, settings);
  }

  /** The stack with the dev stack's event receiver as its one event endpoint. */
  public static ReliabilityStack startWithEventReceiver(String profile, String... settings)
      throws Exception {
    return start(true, profile, settings);
  }

  private static ReliabilityStack start(boolean events, String profile, String... settings)
      throws Exception {
    int[] free = FreePorts.take(9);
    DevPorts ports =
        new DevPorts(free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[8]);
    GreenMail mail =
        new GreenMail(new ServerSetup(free[7], "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    // SMTP_HOST in the stack's environment keeps it from starting its own mail catcher, and
    // DUNNING_EVENTS_RECEIVER=off its event receiver (no outbound events, as the suite measured).
    DevStack stack =
        new DevStack(
            ports,
            Map.of("SMTP_HOST", "127.0.0.1", "DUNNING_EVENTS_RECEIVER", events ? "on" : "off"));
    List<String> args = new ArrayList<>(Arrays.asList(settings));
    args.add("--spring.profiles.active=" + profile);
    args.add("--spring.mail.host=127.0.0.1");
    args.add("--spring.mail.port=" + free[7]);
    try {
      stack.start(args.toArray(String[]::new));
    } catch (Exception | Error e) {
      stack.close();
      mail.stop();
      throw e;
    }
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + ports.temporal())
                .build());
    WorkflowClient temporal =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    return new ReliabilityStack(ports, stack, mail, temporal);
  }

  public URI api(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + ports.api() + pathAndQuery);
  }

  public URI stripe(String path) {
    return URI.create("http://127.0.0.1:" + ports.stripe() + path);
  }

  public String apiToken() {
    return stack.apiToken();
  }

  public GreenMail mail() {
    return mail;
  }

  public WorkflowClient temporal() {
    return temporal;
  }

  public JdbcTemplate database() {
    return database;
  }

  public DevStack devStack() {
    return stack;
  }

  @Override
  public void close() {
    temporal.getWorkflowServiceStubs().shutdownNow();
    stack.close();
    mail.stop();
  }
}
