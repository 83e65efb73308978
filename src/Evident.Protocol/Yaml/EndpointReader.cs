using Evident.Design;
using K = Evident.Protocol.Yaml.ProtocolKeys;

namespace Evident.Protocol.Yaml;

/// <summary>Reads one entry of <c>endpoints</c>: a first event among components, or competing causes made of components.</summary>
internal static class EndpointReader
{
    public static Endpoint Read(YMap m, IReadOnlyList<EventComponent> components)
    {
        string id = m.Require("id").Id();
        string label = m.String("label") ?? id;
        string? noun = m.String("noun");
        var eventsNode = m.Get("events");
        var causesNode = m.Get("causes");
        if (eventsNode is not null && causesNode is not null)
            throw causesNode.Value.Error("give either 'events' (first of several components) or 'causes' (competing risks), not both");
        if (eventsNode is null && causesNode is null) throw m.Missing("events");

        var origin = m.Choice("origin", EndpointOrigin.Randomization, ("randomization", EndpointOrigin.Randomization));
        var censor = m.Choice("censor_at", CensoringRule.LastContact, ("last_contact", CensoringRule.LastContact), ("withdrawal", CensoringRule.Withdrawal));
        var milestone = Milestones(m.Get("milestone"));
        double? horizon = m.Number("rmst_horizon", DesignLimits.Positive, name: "the RMST horizon");

        if (eventsNode is { } ev)
        {
            var parts = Components(ev, components);
            return new Endpoint(id, label, EndpointKind.FirstEvent, parts, ValueList<CompetingCause>.Empty, origin, censor, milestone, horizon) { Noun = noun };
        }
        if (m.Get("rmst_horizon") is { } hn) throw hn.Error("the RMST is defined for first-event endpoints only, not for competing risks");
        var causes = Causes(causesNode!.Value, components);
        return new Endpoint(id, label, EndpointKind.CompetingRisks, ValueList<string>.From(causes.SelectMany(x => x.Components)),
            causes, origin, censor, milestone, null) { Noun = noun };
    }

    /// <summary>
    /// <c>milestone</c>: one positive time or a list of them (<c>[36, 60]</c>), each different from the others; none
    /// without the key.
    /// </summary>
    private static IReadOnlyList<double> Milestones(YNode? node)
    {
        if (node is not { } n) return ValueList<double>.Empty;
        var times = new List<double>();
        foreach (var item in n.ItemsOrSelf())
        {
            double t = item.Number(DesignLimits.Positive, name: "the milestone");
            if (times.Contains(t)) throw item.Error($"milestone {YNode.Text(t)} is listed twice");
            times.Add(t);
        }
        if (times.Count == 0) throw n.Error("give at least one milestone time, or leave the key out");
        return ValueList<double>.From(times);
    }

    /// <summary>The causes of a competing-risks endpoint: at least two, each component in one cause only.</summary>
    private static IReadOnlyList<CompetingCause> Causes(YNode node, IReadOnlyList<EventComponent> components)
    {
        var used = new Dictionary<string, string>();
        var causes = node.IdList("cause", n =>
        {
            var cm = n.Map(K.Cause);
            string causeId = cm.Require("id").Id();
            var evNode = cm.Require("events");
            var parts = Components(evNode, components);
            var items = evNode.ItemsOrSelf();
            for (int i = 0; i < parts.Count; i++)
            {
                if (used.TryGetValue(parts[i], out string? other))
                    throw items[i].Error($"component '{parts[i]}' already belongs to cause '{other}'; each component is one cause");
                used.Add(parts[i], causeId);
            }
            return new CompetingCause(causeId, cm.String("label") ?? causeId, parts);
        });
        if (causes.Count < 2) throw node.Error("a competing-risks endpoint needs at least two causes");
        return causes;
    }

    private static IReadOnlyList<string> Components(YNode node, IReadOnlyList<EventComponent> components)
    {
        var parts = node.References(components.Select(x => x.Id), "component", allowScalar: true);
        if (parts.Count == 0) throw node.Error("give at least one component");
        return parts;
    }
}
