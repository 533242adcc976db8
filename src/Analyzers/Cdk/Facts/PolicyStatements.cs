using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CdkLint.Cdk
{
    /// <summary>What a <c>PolicyStatement</c> written in the app says: who it names, and whether it is CDK's TLS-only deny.</summary>
    internal static class PolicyStatements
    {
        /// <summary>
        /// A principal of everyone: <c>new AnyPrincipal()</c> (written as <c>{"AWS": "*"}</c>), <c>new StarPrincipal()</c>
        /// (<c>"*"</c>) or <c>new ArnPrincipal("*")</c>.
        /// </summary>
        public static bool IsEveryone(IOperation principal)
            => ConstructCreation.Unwrap(principal) is IObjectCreationOperation { Type.Name: var name } p
               && (name is "AnyPrincipal" or "StarPrincipal"
                   || name == "ArnPrincipal" && p.Arguments.Length == 1 && Constant.TryGetString(p.Arguments[0].Value, out var arn) && arn == "*");

        /// <summary>CDK's IAM <c>Effect</c> enum, from the symbol table of the operation's compilation.</summary>
        public static INamedTypeSymbol? EffectType(IOperation operation)
            => operation.SemanticModel is { } model ? CdkSymbols.Get(model.Compilation)?.Type("Amazon.CDK.AWS.IAM.Effect") : null;

        /// <summary>
        /// The statement CDK writes for <c>EnforceSSL = true</c>, written by hand: a Deny for every principal when
        /// <c>aws:SecureTransport</c> is false, of every action of <paramref name="service"/> (<c>"s3:*"</c> or <c>"*"</c>)
        /// or of the one action named by <paramref name="action"/> (<c>"sns:Publish"</c>). The resources are left to the
        /// caller (a bucket needs both itself and its objects). Returns the statement's resources when it is one, else null.
        /// </summary>
        public static System.Collections.Generic.List<IOperation>? TlsOnlyDenyResources(IOperation? statement, string service, CancellationToken cancellationToken, string? action = null)
        {
            if (ConstructRelations.Resolve(statement, cancellationToken) is not IObjectCreationOperation { Arguments.Length: > 0 } creation
                || creation.Type?.Name != "PolicyStatement")
            {
                return null;
            }

            var props = PropsReader.Read(creation.Arguments[0].Value, cancellationToken);
            if (!Constant.IsEnumMember(props.ValueOf("Effect"), EffectType(creation), "DENY"))
            {
                return null;
            }

            var allActions = false;
            foreach (var named in Collections.Elements(props.ValueOf("Actions"), cancellationToken))
            {
                allActions |= Constant.TryGetString(named, out var text)
                    && (text == "*" || string.Equals(text, service + ":*", System.StringComparison.OrdinalIgnoreCase) || action is not null && string.Equals(text, action, System.StringComparison.OrdinalIgnoreCase));
            }

            var everyone = false;
            foreach (var principal in Collections.Elements(props.ValueOf("Principals"), cancellationToken))
            {
                everyone |= IsEveryone(principal);
            }

            return allActions && everyone && DeniesPlainHttp(props.ValueOf("Conditions"), cancellationToken)
                ? Collections.Elements(props.ValueOf("Resources"), cancellationToken)
                : null;
        }

        /// <summary>`{ "Bool": { "aws:SecureTransport": "false" } }` (the string, as CDK writes it, or the boolean).</summary>
        private static bool DeniesPlainHttp(IOperation? conditions, CancellationToken cancellationToken)
        {
            foreach (var condition in Collections.Entries(conditions, out _, cancellationToken))
            {
                if (!Constant.TryGetString(condition.Key, out var op) || op != "Bool")
                {
                    continue;
                }

                foreach (var key in Collections.Entries(condition.Value, out _, cancellationToken))
                {
                    if (Constant.TryGetString(key.Key, out var name) && name == "aws:SecureTransport"
                        && (Constant.TryGetString(key.Value, out var text) && text == "false" || Constant.TryGetBool(key.Value, out var flag) && !flag))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
