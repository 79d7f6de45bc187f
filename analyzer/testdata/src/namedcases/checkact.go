package namedcases

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Item struct {
	ID    bson.ObjectID `bson:"_id"`
	Qty   int           `bson:"qty"`
	Level int           `bson:"level"`
	Views int           `bson:"views"`
}

var errOut = errors.New("out of stock")

// Issue 6, check-then-act, with the test written as a switch on the field.
func levelUpSwitch(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch it.Level {
	case 1, 2:
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"level": 1}}) // want `^UpdateOne changes "level", which this code tested before \(it.Level == 1 \|\| it.Level == 2\)`
		return err
	}
	return nil
}

// The update in the default branch of a switch whose cases test the field.
func buySwitchDefault(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch {
	case it.Qty <= 0:
		return errOut
	default:
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
		return err
	}
}

// The update in the else branch.
func buyElse(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errOut
	} else {
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
		return err
	}
}

// A switch on the field: the update in its default branch.
func buySwitchTagDefault(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch it.Qty {
	case 0:
		return errOut
	default:
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty == 0\)`
		return err
	}
}

// The update in an else-if branch that tests the field.
func buyElseIf(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Views > 10 {
		return nil
	} else if it.Qty > 0 {
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty > 0\)`
		return err
	}
	return nil
}

// Silent: the same branches with the test repeated in the filter and the
// result read, and a branch that tests another field.
func buyElseGuarded(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errOut
	} else {
		res, err := items.UpdateOne(ctx, bson.M{"_id": it.ID, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
		if err != nil {
			return err
		}
		if res.MatchedCount == 0 {
			return errOut
		}
	}
	switch {
	case it.Qty > 100:
	default:
		_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"views": 1}})
		return err
	}
	return nil
}

// An early return written as a switch case, before the update.
func buySwitchEarly(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch {
	case it.Qty <= 0:
		return errOut
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
	return err
}

// A case that only breaks out of the switch leaves nothing known after it.
func buySwitchBreak(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	switch {
	case it.Qty <= 0:
		break
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"views": 1}})
	return err
}

// An if that returns, with an else that carries on, before the update.
func buyIfReturnElse(ctx context.Context, items *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := items.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	if it.Qty <= 0 {
		return errOut
	} else {
		it.Views++
	}
	_, err := items.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$inc": bson.M{"qty": -1}}) // want `^UpdateOne changes "qty", which this code tested before \(it.Qty <= 0\)`
	return err
}
