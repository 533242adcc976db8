using System.Collections.Generic;
using System.Reflection;
using Xunit.Sdk;

namespace CdkLint.Tests.Infrastructure
{
    /// <summary>Runs a theory once per CDK version the tests carry (2.103.0, 2.160.0, 2.277.0).</summary>
    public sealed class CdkVersionsAttribute : DataAttribute
    {
        public override IEnumerable<object[]> GetData(MethodInfo testMethod)
        {
            yield return new object[] { CdkVersion.V2_103 };
            yield return new object[] { CdkVersion.V2_160 };
            yield return new object[] { CdkVersion.V2_277 };
        }
    }
}
