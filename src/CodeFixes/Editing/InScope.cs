using System.Threading;
using Microsoft.CodeAnalysis;

namespace CdkLint.CodeFixes.Editing
{
    /// <summary>Values a fix may take from the code around it rather than invent.</summary>
    internal static class InScope
    {
        /// <summary>
        /// A string parameter of the enclosing method, or a string field or property of the enclosing type, whose
        /// name says it holds the environment: it contains "suffix", "stage" or "environment".
        /// </summary>
        public static string? FindEnvironmentName(SemanticModel model, int position, System.Func<string, int> rank, CancellationToken cancellationToken)
        {
            var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
            string? best = null;
            var bestRank = int.MaxValue;

            void Consider(string candidate, ITypeSymbol? type, int bias)
            {
                if (type?.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                var r = rank(candidate);
                if (r >= 0 && r + bias < bestRank)
                {
                    (best, bestRank) = (candidate, r + bias);
                }
            }

            for (var symbol = enclosing; symbol is IMethodSymbol method; symbol = symbol.ContainingSymbol)
            {
                foreach (var parameter in method.Parameters)
                {
                    Consider(parameter.Name, parameter.Type, 0);
                }
            }

            var isStatic = enclosing?.IsStatic ?? true;
            // Only the user's own types: CDK's Stack.Environment ("aws://account/region") is no stage name.
            for (var type = enclosing?.ContainingType; type is not null && IsInSource(type); type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || (!member.IsStatic && isStatic) || !model.IsAccessible(position, member))
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case IFieldSymbol { IsConst: false } field:
                            // A const would be the same in every environment.
                            Consider(field.Name, field.Type, 10);
                            break;
                        case IPropertySymbol { IsIndexer: false, GetMethod: not null } property:
                            Consider(property.Name, property.Type, 10);
                            break;
                    }
                }
            }

            return best;
        }

        private static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For a name suffix: "suffix", then "stage", then "environment".</summary>
        public static int SuffixFirst(string name)
        {
            var lower = name.ToLowerInvariant();
            if (lower.Contains("suffix"))
            {
                return 0;
            }

            if (lower.Contains("stage"))
            {
                return 1;
            }

            return lower.Contains("environment") ? 2 : -1;
        }

        /// <summary>For an environment tag's value: "environment", then "stage" (a "suffix" such as "-dev" is no environment name).</summary>
        public static int EnvironmentFirst(string name)
        {
            var lower = name.ToLowerInvariant();
            if (lower.Contains("suffix"))
            {
                return -1;
            }

            if (lower.Contains("environment"))
            {
                return 0;
            }

            return lower.Contains("stage") ? 1 : -1;
        }
    }
}
