// Package profile manages user profiles. It shows a lost update next to the
// update-if-current (optimistic locking) pattern based on a version field.
package profile

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ErrConflict is returned when a profile was modified concurrently.
var ErrConflict = errors.New("profile: concurrent modification")

// Profile is a user profile. Version is incremented on every guarded write.
type Profile struct {
	ID      bson.ObjectID `bson:"_id"`
	Name    string        `bson:"name"`
	Email   string        `bson:"email"`
	Active  bool          `bson:"active"`
	Version int           `bson:"version"`
}

// Service reads and updates profiles.
type Service struct {
	profiles *mongo.Collection
}

// NewService returns a Service that operates on coll.
func NewService(coll *mongo.Collection) *Service {
	return &Service{profiles: coll}
}

// Rename changes the name of a profile.
//
// BUG: lost update. The profile is read, then written back by _id only; the
// stale e-mail that was read overwrites any change made in between.
func (s *Service) Rename(ctx context.Context, id bson.ObjectID, name string) error {
	var p Profile
	if err := s.profiles.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return fmt.Errorf("rename %s: %w", id.Hex(), err)
	}
	_, err := s.profiles.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": bson.M{"name": name, "email": p.Email}})
	return err
}

// RenameIfCurrent changes the name of a profile.
//
// OK: update-if-current. The filter requires the version that was read and
// the update bumps it; MatchedCount == 0 means someone else won.
func (s *Service) RenameIfCurrent(ctx context.Context, id bson.ObjectID, name string) error {
	var p Profile
	if err := s.profiles.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return fmt.Errorf("rename %s: %w", id.Hex(), err)
	}
	res, err := s.profiles.UpdateOne(ctx,
		bson.M{"_id": p.ID, "version": p.Version},
		bson.M{"$set": bson.M{"name": name}, "$inc": bson.M{"version": 1}},
	)
	if err != nil {
		return fmt.Errorf("rename %s: %w", id.Hex(), err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("rename %s: %w", id.Hex(), ErrConflict)
	}
	return nil
}

// Touch records that the profile was seen.
//
// OK: $currentDate is computed by the server and does not depend on a read.
func (s *Service) Touch(ctx context.Context, id bson.ObjectID) error {
	_, err := s.profiles.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$currentDate": bson.M{"updated_at": true}})
	if err != nil {
		return fmt.Errorf("touch %s: %w", id.Hex(), err)
	}
	return nil
}

// SetEmail overwrites the e-mail address of a profile.
//
// OK (suppressed): the write is unguarded on purpose and the finding is
// silenced with a mongocas:ignore directive that gives the reason.
func (s *Service) SetEmail(ctx context.Context, id bson.ObjectID, email string) error {
	//mongocas:ignore unguarded-update the e-mail is owned by the identity service; last write wins
	_, err := s.profiles.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"email": email}})
	if err != nil {
		return fmt.Errorf("set email %s: %w", id.Hex(), err)
	}
	return nil
}
