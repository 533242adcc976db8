using System.Collections.Generic;
using System.Globalization;
using CdkLint.Cdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>
    /// The retention every fix gives a log group it creates or configures (a function's, a state machine's, a container's):
    /// <c>RetentionDays.ONE_MONTH</c>, or the period named or counted in days by the option
    /// <c>cdklint.CDK4002.retention_days</c>, so that one team setting governs every log group CdkLint writes.
    /// </summary>
    internal static class LogRetention
    {
        private const string DefaultMember = "ONE_MONTH";

        /// <summary>CloudWatch Logs retention periods in days, as CDK's RetentionDays members name them.</summary>
        private static readonly Dictionary<int, string> ByDays = new()
        {
            [1] = "ONE_DAY", [3] = "THREE_DAYS", [5] = "FIVE_DAYS", [7] = "ONE_WEEK", [14] = "TWO_WEEKS", [30] = "ONE_MONTH",
            [60] = "TWO_MONTHS", [90] = "THREE_MONTHS", [120] = "FOUR_MONTHS", [150] = "FIVE_MONTHS", [180] = "SIX_MONTHS",
            [365] = "ONE_YEAR", [400] = "THIRTEEN_MONTHS", [545] = "EIGHTEEN_MONTHS", [731] = "TWO_YEARS", [1096] = "THREE_YEARS",
            [1827] = "FIVE_YEARS", [2192] = "SIX_YEARS", [2557] = "SEVEN_YEARS", [2922] = "EIGHT_YEARS", [3288] = "NINE_YEARS",
            [3653] = "TEN_YEARS",
        };

        /// <summary>
        /// The code of a new log group for the construct of <paramref name="creation"/>, in its scope, with an id built from its
        /// id (<c>id + "Logs"</c>) and the chosen retention; null when there is no retention to write or the creation has no
        /// scope or id argument to build from.
        /// </summary>
        public static string? NewLogGroup(FixContext context, ConstructCreation creation)
            => Choose(context) is { } retention && creation.Argument("scope")?.Syntax is ExpressionSyntax scope && creation.IdArgument?.Syntax is ExpressionSyntax id
                ? $"new global::Amazon.CDK.AWS.Logs.LogGroup({scope.WithoutTrivia()}, {Ids.Derived(id, "Logs")}, new global::Amazon.CDK.AWS.Logs.LogGroupProps {{ Retention = {retention} }})"
                : null;

        /// <summary>The <c>RetentionDays</c> member to write, or null when the option names no period CloudWatch Logs offers.</summary>
        public static ExpressionSyntax? Choose(FixContext context)
        {
            var member = DefaultMember;
            if (context.TryGetOption(Descriptors.CDK4002.Id, OptionKeys.RetentionDays, out var option))
            {
                option = option.Trim();
                if (int.TryParse(option, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days))
                {
                    if (!ByDays.TryGetValue(days, out member))
                    {
                        return null; // not a retention CloudWatch Logs offers: no fix rather than a different period
                    }
                }
                else
                {
                    member = option.ToUpperInvariant();
                }
            }

            var retentionDays = context.Symbols.Type("Amazon.CDK.AWS.Logs.RetentionDays");
            return retentionDays is not null && !retentionDays.GetMembers(member).IsEmpty && member != "INFINITE"
                ? PropsEditing.QualifiedName("Amazon.CDK.AWS.Logs.RetentionDays." + member)
                : null;
        }
    }
}
