namespace Evident.Design.Tests;

/// <summary>The lists a design result exposes cannot be changed through a cast (TypeConventionTests checks that the types are sealed and immutable).</summary>
public class ConventionTests
{
    [Fact]
    public void ReturnedListsCannotBeMutated()
    {
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 3 });
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.CriticalValues)[0] = 0);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.AlphaSpent)[0] = 0);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)d.Information)[0] = 0);
    }

    [Fact]
    public void UserInformationIsCopied()
    {
        double[] info = [0.3, 0.7, 1.0];
        var d = GroupSequential.Create(new GroupSequentialOptions { Looks = 3, Information = info });
        info[0] = 0.5;
        Assert.Equal(0.3, d.Information[0]);
    }
}
