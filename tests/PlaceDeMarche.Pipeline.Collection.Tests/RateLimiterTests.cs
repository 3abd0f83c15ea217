using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class RateLimiterTests
{
    [Fact]
    public async Task The_eleventh_search_in_a_minute_waits_for_the_first_to_leave_the_window()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(10, TimeSpan.FromMinutes(1), clock);

        for (var i = 0; i < 10; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
            await clock.Delay(TimeSpan.FromSeconds(1), CancellationToken.None); // one search per second
        }

        await limiter.WaitAsync(CancellationToken.None);

        // 10 searches at t = 0..9 s; at t = 10 s the 11th must wait until t = 60 s, i.e. 50 s.
        Assert.Equal(TimeSpan.FromSeconds(50), clock.Delays.Last());
        Assert.Equal(11, clock.Delays.Count);
    }
}
