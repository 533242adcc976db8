using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CdkLint.Cdk
{
    /// <summary>
    /// Props properties a rule cares about, keyed by property name: <c>BucketName</c> of <c>BucketProps</c>,
    /// <c>FunctionName</c> of every props type implementing <c>IFunctionOptions</c>. A property matches when the type
    /// declaring it is, derives from, or implements the listed type, so derived props classes and the function family
    /// need no entries of their own. Built once per compilation from metadata names.
    /// </summary>
    internal sealed class PropTable<T>
    {
        private readonly Dictionary<string, List<(INamedTypeSymbol Type, T Data)>> _byName = new(System.StringComparer.Ordinal);

        public PropTable(CdkSymbols symbols, IEnumerable<(string PropsType, string Property, T Data)> entries)
        {
            foreach (var (typeName, property, data) in entries)
            {
                if (symbols.Type(typeName) is not { } type)
                {
                    continue; // not in this CDK version
                }

                if (!_byName.TryGetValue(property, out var list))
                {
                    _byName[property] = list = new List<(INamedTypeSymbol, T)>();
                }

                list.Add((type, data));
            }
        }

        public bool IsEmpty => _byName.Count == 0;

        public bool TryMatch(IPropertySymbol property, out T data)
        {
            if (_byName.TryGetValue(property.Name, out var list))
            {
                foreach (var (type, d) in list)
                {
                    if (CdkSymbols.IsOrInheritsOrImplements(property.ContainingType, type))
                    {
                        data = d;
                        return true;
                    }
                }
            }

            data = default!;
            return false;
        }
    }
}
