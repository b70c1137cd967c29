package com.example.dunning.dev;

/** Where the dev stack listens, all on 127.0.0.1 but Temporal's test server (every interface). */
public record DevPorts(
    int api,
    int worker,
    int temporal,
    int postgres,
    int smtp,
    int mailViewer,
    int stripe,
    int eventReceiver) {

  public static DevPorts standard() {
    return new DevPorts(8080, 8081, 7233, 54329, 3025, 8025, 12111, 8026);
  }

  /** Free ports, for a stack beside others. */
  public static DevPorts free() {
    int[] free = FreePorts.take(8);
    return new DevPorts(free[0], free[1], free[2], free[3], free[4], free[5], free[6], free[7]);
  }
}
