package namedcases

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type User struct {
	ID    bson.ObjectID `bson:"_id,omitempty"`
	Email string        `bson:"email"`
}

var errTaken = errors.New("already registered")

// Issue 6, insert-if-absent: "CountDocuments == 0", inside the branch.
func registerCountZero(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `^InsertOne runs when CountDocuments on the same collection found no document, but two callers can both find none and both insert`
		return err
	}
	return errTaken
}

// The count bound in the if statement, the constant on the left.
func registerCountInit(ctx context.Context, users *mongo.Collection, email string) error {
	if n, err := users.CountDocuments(ctx, bson.M{"email": email}); err == nil && 0 == n {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	return errTaken
}

// The early-return form of a count of 0: n != 0 returns.
func registerCountEarly(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n != 0 {
		return errTaken
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
	return err
}

// FindOne's Err compared with ==.
func registerErrEqual(ctx context.Context, users *mongo.Collection, email string) error {
	if err := users.FindOne(ctx, bson.M{"email": email}).Err(); err == mongo.ErrNoDocuments {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
		return err
	} else if err != nil {
		return err
	}
	return errTaken
}

// Decode's error in an else-if branch.
func registerElseIf(ctx context.Context, users *mongo.Collection, email string) (User, error) {
	var u User
	err := users.FindOne(ctx, bson.M{"email": email}).Decode(&u)
	if err == nil {
		return u, nil
	} else if errors.Is(err, mongo.ErrNoDocuments) {
		u = User{Email: email}
		_, err = users.InsertOne(ctx, u) // want `InsertOne runs when FindOne on the same collection found no document`
		return u, err
	}
	return User{}, err
}

// A count of 0 in a switch case, tagless and on the count.
func registerCountSwitch(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	switch {
	case n == 0:
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	switch n {
	case 0:
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	return errTaken
}

// The else branch of a test that the count is not 0.
func registerCountElse(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n > 0 {
		return errTaken
	} else {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
}

// The early return on err != nil || n > 0.
func registerCountOr(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil || n > 0 {
		return errTaken
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
	return err
}

// The count tested in an else-if, and as n < 1 and n <= 0.
func registerCountElseIf(ctx context.Context, users *mongo.Collection, email string) error {
	if n, err := users.CountDocuments(ctx, bson.M{"email": email}); err != nil {
		return err
	} else if n == 0 {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	return errTaken
}

func registerCountBelowOne(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n < 1 {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	if n <= 0 {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
		return err
	}
	return errTaken
}

// FindOne's error in a switch on the error, and in a default branch.
func registerErrSwitch(ctx context.Context, users *mongo.Collection, email string) error {
	switch err := users.FindOne(ctx, bson.M{"email": email}).Err(); err {
	case nil:
		return errTaken
	case mongo.ErrNoDocuments:
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
		return err
	default:
		return err
	}
}

func registerErrDefault(ctx context.Context, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	switch {
	case err == nil:
		return errTaken
	case !errors.Is(err, mongo.ErrNoDocuments):
		return err
	default:
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
		return err
	}
}

// The else branch of err != mongo.ErrNoDocuments.
func registerErrElse(ctx context.Context, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if err != mongo.ErrNoDocuments {
		return err
	} else {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
		return err
	}
}

// Silent: the n == 0 form with the duplicate key handled, a count of
// another collection, and a count that is not 0.
func registerCountZeroDup(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = users.InsertOne(ctx, User{Email: email})
		if mongo.IsDuplicateKeyError(err) {
			return errTaken
		}
		return err
	}
	return nil
}

func countOtherCollection(ctx context.Context, users, audit *mongo.Collection, email string) {
	if n, _ := audit.CountDocuments(ctx, bson.M{"email": email}); n == 0 {
		users.InsertOne(ctx, User{Email: email})
	}
}

func countNotZero(ctx context.Context, users *mongo.Collection, email string) {
	if n, _ := users.CountDocuments(ctx, bson.M{"email": email}); n == 1 {
		users.InsertOne(ctx, User{Email: email})
	}
}

// The early returns written as switch cases.
func registerFindSwitchEarly(ctx context.Context, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	switch {
	case err == nil:
		return errTaken
	case !errors.Is(err, mongo.ErrNoDocuments):
		return err
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
	return err
}

func registerCountSwitchEarly(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	switch {
	case err != nil:
		return err
	case n > 0:
		return errTaken
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
	return err
}

// An if that returns, with an else that carries on.
func registerCountIfReturnElse(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil || n > 0 {
		return errTaken
	} else {
		email = email + ""
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
	return err
}
