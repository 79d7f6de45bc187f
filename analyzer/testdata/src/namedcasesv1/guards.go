// Cases named by issues 2 and 6 that had no test of their own, driver v1.
package namedcasesv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// Issue 2: a write is guarded when the update changes a field the filter
// constrains, "under $set, $inc, $unset, $mul, $min, $max, $currentDate,
// $push, $pull, $addToSet, $pop, $rename, $bit". Each call below $sets a
// field the filter does not check, beside one of those operators on a
// field it does check: unguarded-update is silent, and the write is a
// compare-and-swap whose discarded result unchecked-result reports.
func guardOperators(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, price, low, high, seen, flags, n int) {
	c.UpdateOne(ctx, bson.M{"_id": id, "price": price}, bson.M{"$set": bson.M{"note": "x"}, "$mul": bson.M{"price": 2}})                           // want `^UpdateOne is conditional on "price" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "low": bson.M{"$gt": low}}, bson.M{"$set": bson.M{"note": "x"}, "$min": bson.M{"low": low}})                // want `^UpdateOne is conditional on "low" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "high": bson.M{"$lt": high}}, bson.M{"$set": bson.M{"note": "x"}, "$max": bson.M{"high": high}})            // want `^UpdateOne is conditional on "high" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "seen": seen}, bson.M{"$set": bson.M{"note": "x"}, "$currentDate": bson.M{"seen": true}})                   // want `^UpdateOne is conditional on "seen" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "log": bson.M{"$size": n}}, bson.M{"$set": bson.M{"note": "x"}, "$push": bson.M{"log": "entry"}})           // want `^UpdateOne is conditional on "log" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "tags": bson.M{"$ne": "a"}}, bson.M{"$set": bson.M{"note": "x"}, "$addToSet": bson.M{"tags": "a"}})         // want `^UpdateOne is conditional on "tags" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "queue": bson.M{"$size": n}}, bson.M{"$set": bson.M{"note": "x"}, "$pop": bson.M{"queue": -1}})             // want `^UpdateOne is conditional on "queue" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "flags": flags}, bson.M{"$set": bson.M{"note": "x"}, "$bit": bson.M{"flags": bson.M{"or": 4}}})             // want `^UpdateOne is conditional on "flags" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "draft": bson.M{"$exists": true}}, bson.M{"$set": bson.M{"note": "x"}, "$rename": bson.M{"draft": "text"}}) // want `^UpdateOne is conditional on "draft" but its result is discarded`
	// $rename's target is changed too: it receives the renamed value.
	c.UpdateOne(ctx, bson.M{"_id": id, "text": bson.M{"$exists": false}}, bson.M{"$set": bson.M{"note": "x"}, "$rename": bson.M{"draft": "text"}}) // want `^UpdateOne is conditional on "text" but its result is discarded`
}

// The same guarded writes, with the outcome read: nothing to report.
func guardOperatorsChecked(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, price, flags int) (bool, error) {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "price": price}, bson.M{"$set": bson.M{"note": "x"}, "$mul": bson.M{"price": 2}})
	if err != nil || res.MatchedCount == 0 {
		return false, err
	}
	res, err = c.UpdateOne(ctx, bson.M{"_id": id, "flags": flags}, bson.M{"$set": bson.M{"note": "x"}, "$bit": bson.M{"flags": bson.M{"and": 1}}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

// Issue 2: only a filter field that the update changes guards. The same
// operators on a field the filter does not check protect nothing, like
// the $inc beside a $set.
func operatorsOnOtherFields(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, b int) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"balance": b}, "$mul": bson.M{"price": 2}})            // want `UpdateOne sets "balance" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"balance": b}, "$max": bson.M{"high": b}})             // want `UpdateOne sets "balance" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"balance": b}, "$currentDate": bson.M{"at": true}})    // want `UpdateOne sets "balance" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"balance": b}, "$rename": bson.M{"draft": "text"}})    // want `UpdateOne sets "balance" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, "owner": 1}, bson.M{"$set": bson.M{"balance": b}, "$push": bson.M{"log": 1}}) // want `UpdateOne sets "balance" but its filter matches only "_id", "owner"`
}

// Issue 2: an update without $set is applied to the current value.
func operatorsAlone(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$mul": bson.M{"price": 2}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$min": bson.M{"low": 1}, "$max": bson.M{"high": 9}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$addToSet": bson.M{"tags": "a"}, "$pop": bson.M{"queue": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$bit": bson.M{"flags": bson.M{"xor": 1}}, "$rename": bson.M{"a": "b"}})
}
