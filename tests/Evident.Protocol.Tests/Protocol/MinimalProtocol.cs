namespace Evident.Protocol.Tests.Protocol;

/// <summary>The smallest valid protocol: defaults everywhere they exist.</summary>
internal static class MinimalProtocol
{
    public const string Text = """
        trial:
          id: MINI
          title: Minimal trial
        arms:
          - id: a
            control: true
          - id: b
        allocation:
          ratio: "1:1"
          block_sizes: [2]
        components:
          - id: death
        endpoints:
          - id: os
            events: [death]
        data:
          simple:
            participant: id
            arm: arm
            randomized: rand
            last_contact: last
            events:
              death: {date: death_date}
        analyses:
          primary:
            endpoint: os
        """;
}
