using Evident.Randomization.Accounts;
using Evident.Randomization.Queries;
using Microsoft.AspNetCore.Authorization;

namespace Evident.Server.Infrastructure;

/// <summary>The authorization policies, one per set of roles an endpoint group admits.</summary>
internal static class RolePolicies
{
    public const string Admin = "admin";
    public const string Randomizers = "randomizers";
    public const string Unblinders = "unblinders";
    public const string Unblinded = "unblinded";
    public const string Oversight = "oversight";
    public const string Operator = "operator";
    public const string QueryRaisers = "query-raisers";

    /// <summary>The role claim of an operator's token: not a trial role, so no trial route admits it.</summary>
    public const string OperatorRole = "operator";

    public static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(TrialRoles.Name(TrialRole.Admin)))
        .AddPolicy(Randomizers, p => p.RequireRole(TrialRoles.Name(TrialRole.Admin), TrialRoles.Name(TrialRole.SiteCoordinator)))
        .AddPolicy(Unblinders, p => p.RequireRole(TrialRoles.Name(TrialRole.Admin), TrialRoles.Name(TrialRole.SiteCoordinator), TrialRoles.Name(TrialRole.UnblindedStatistician)))
        .AddPolicy(Unblinded, p => p.RequireRole(TrialRoles.Name(TrialRole.UnblindedStatistician)))
        .AddPolicy(Oversight, p => p.RequireRole(TrialRoles.Name(TrialRole.Admin), TrialRoles.Name(TrialRole.UnblindedStatistician)))
        .AddPolicy(Operator, p => p.RequireRole(OperatorRole))
        .AddPolicy(QueryRaisers, p => p.RequireRole(TrialRoles.All.Where(r => QueryRules.MayRaise(r.Role)).Select(r => r.Name)));
}
